package io.relata.ui.format;

/**
 * Rich text (sanitised HTML, as the platform stores it) and plain text, both ways: what a text box
 * shows of stored rich text, and what it stores of what was typed.
 */
public final class Texts {

  private Texts() {}

  /** Paragraphs and line breaks become lines; other tags go; entities are read. */
  public static String plain(String html) {
    String lines =
        html.replaceAll("(?i)</p>\\s*<p[^>]*>", "\n")
            .replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)</?(p|div)[^>]*>", "")
            .replaceAll("<[^>]*>", "");
    return lines
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .strip();
  }

  /** Each line a paragraph, special characters escaped. */
  public static String html(String text) {
    StringBuilder html = new StringBuilder();
    for (String line : text.strip().split("\\R", -1)) {
      html.append("<p>")
          .append(
              line.replace("&", "&amp;")
                  .replace("<", "&lt;")
                  .replace(">", "&gt;")
                  .replace("\"", "&quot;"))
          .append("</p>");
    }
    return html.toString();
  }
}
