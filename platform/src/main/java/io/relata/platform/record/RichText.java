package io.relata.platform.record;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Sanitises rich-text values on write with the OWASP Java HTML Sanitizer: formatting, blocks,
 * tables, links (http, https, mailto; {@code rel=nofollow}) and images by URL are kept; scripts,
 * styles, event handlers, frames, forms and {@code javascript:} URLs are removed. What is stored is
 * safe to render as HTML in any screen.
 */
final class RichText {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.IMAGES)
          .and(new HtmlPolicyBuilder().allowElements("hr", "br", "pre", "code").toFactory());

  private RichText() {}

  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
