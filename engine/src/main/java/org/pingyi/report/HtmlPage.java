package org.pingyi.report;

import java.util.List;

/**
 * The few pieces of markup the HTML report is made of, written into one buffer; every text goes through
 * {@link #text}, so nothing read from the database can open a tag.
 */
final class HtmlPage {
  private final StringBuilder out = new StringBuilder(64 * 1024);

  /** Markup as it is: only literals of the report's own code, never data. */
  HtmlPage raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Escaped text. */
  HtmlPage escaped(String value) {
    out.append(text(value));
    return this;
  }

  HtmlPage raw(int number) {
    out.append(number);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  void pair(String label, String value, String cls) {
    out.append("<tr><th scope=\"row\">").append(text(label)).append("</th>");
    cell(cls, value);
    out.append("</tr>\n");
  }

  /** A table with this header, its body opened (the caller closes it). */
  void table(List<String> header) {
    out.append("<table>\n<thead><tr>");
    header.forEach(h -> out.append("<th scope=\"col\">").append(text(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
  }

  /** A body row: text cells, then number cells. */
  void row(String cls, List<String> texts, List<String> numbers) {
    out.append(cls.isEmpty() ? "<tr>" : "<tr class=\"" + cls + "\">");
    texts.forEach(t -> cell("", t));
    numbers.forEach(n -> cell("num", n));
    out.append("</tr>\n");
  }

  /** A cell; {@code cls} is one of the report's own class names ("" for none). */
  void cell(String cls, String value) {
    out.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(text(value)).append("</td>");
  }

  void tag(String name, String value) {
    out.append('<').append(name).append('>').append(text(value)).append("</").append(name).append(">\n");
  }

  void meta(String value) {
    out.append("<p class=\"meta\">").append(text(value)).append("</p>\n");
  }

  void note(String value) {
    out.append("<p class=\"note\">").append(text(value)).append("</p>\n");
  }

  /** Text as HTML character data or a quoted attribute value. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
