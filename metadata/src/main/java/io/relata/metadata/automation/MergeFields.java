package io.relata.metadata.automation;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one syntax for a record's fields in a text an automation sends (a notification, an email's
 * subject and body): the field's name in braces, {@code {company}}. Anything else in braces is
 * text.
 */
public final class MergeFields {

  private static final Pattern FIELD = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

  private MergeFields() {}

  /** The fields {@code text} names, in order, each once. */
  public static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher fields = FIELD.matcher(text);
    while (fields.find()) {
      names.add(fields.group(1));
    }
    return names;
  }

  /** {@code text} with each field replaced by what {@code value} shows for it. */
  public static String merge(String text, Function<String, String> value) {
    Matcher fields = FIELD.matcher(text);
    StringBuilder merged = new StringBuilder();
    while (fields.find()) {
      fields.appendReplacement(merged, Matcher.quoteReplacement(value.apply(fields.group(1))));
    }
    fields.appendTail(merged);
    return merged.toString();
  }
}
