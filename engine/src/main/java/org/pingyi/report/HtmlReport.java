package org.pingyi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.report.EditionReport.ClassMean;
import org.pingyi.report.EditionReport.DistrictTurnout;
import org.pingyi.report.EditionReport.OptionCount;
import org.pingyi.report.EditionReport.Question;
import org.pingyi.report.EditionReport.Ranked;
import org.pingyi.report.EditionReport.SessionPart;
import org.pingyi.suggestion.SuggestionFigures;

/**
 * The edition report as one printable HTML page: the overview, one section per group (A4 landscape, its final
 * ranking), then turnout, survey, suggestions and verification (A4 portrait), each section on a page of its own.
 *
 * <p>Its stylesheet is inlined in a {@code <style>} element, and the answer carries a CSP of its own that allows
 * exactly that element by its SHA-256 ({@link #CSP}) and nothing else: no script at all, no inline style attribute,
 * nothing fetched. Inlined rather than linked to a stylesheet the engine serves, because the report is a document
 * an auditor saves, mails and archives: the saved file must print the same the next morning, or years later, without
 * the engine that made it. Every text is escaped; nothing in it comes from a client.
 */
final class HtmlReport {
  static final String CONTENT_TYPE = "text/html; charset=utf-8";
  static final String STYLE = stylesheet();
  /** The whole policy of this answer (in place of the pages' CSP, which allows only the engine's own style files). */
  static final String CSP = "default-src 'none'; style-src 'sha256-"
      + Base64.getEncoder().encodeToString(Hashes.sha256(STYLE))
      + "'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final EditionReport report;
  private final Edition edition;
  private final ZoneId zone;
  private final HtmlPage out = new HtmlPage();

  private HtmlReport(EditionReport report, Edition edition) {
    this.report = report;
    this.edition = edition;
    this.zone = edition.zone();
  }

  static String render(EditionReport report, Edition edition) {
    return new HtmlReport(report, edition).render();
  }

  private String render() {
    out.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>").escaped(report.editionName() + " · " + ReportWords.TITLE).raw("</title>\n")
        .raw("<style>").raw(STYLE).raw("</style>\n</head>\n<body>\n");
    overview();
    report.sessions().forEach(this::ranking);
    turnout();
    survey();
    suggestions();
    verification();
    return out.raw("</body>\n</html>\n").toString();
  }

  private void overview() {
    out.raw("<header id=\"overview\">\n");
    out.tag("h1", report.editionName() + " · " + ReportWords.TITLE);
    out.meta(ReportWords.EDITION + ": " + report.editionId());
    out.meta(ReportWords.GENERATED_AT + ": " + ReportWords.time(report.generatedAt(), zone));
    out.raw(report.allPublished() ? "<p class=\"notice\">" : "<p class=\"notice embargoed\">")
        .escaped(report.allPublished() ? ReportWords.PUBLIC : ReportWords.EMBARGOED).raw("</p>\n");
    out.note(ReportWords.SEALED_ONLY);
    out.table(List.of(ReportWords.SESSION, ReportWords.GROUP, ReportWords.STATE, ReportWords.SEALED_AT, ReportWords.BALLOTS));
    for (SessionPart p : report.sessions()) {
      out.row("", List.of(p.id(), p.groupName(), ReportWords.state(p.state()),
          p.sealed() == null ? ReportWords.NOT_SEALED : ReportWords.time(p.sealed().sealedAt(), zone)),
          p.sealed() == null ? List.of(ReportWords.NONE) : List.of(String.valueOf(p.sealed().ballots())));
    }
    out.raw("</tbody></table>\n");
    out.note(ReportWords.smallCells(report.minCellSize()));
    out.raw("</header>\n");
  }

  private void ranking(SessionPart session) {
    out.raw("<section class=\"ranking\" id=\"group-").escaped(session.groupCode()).raw("\" data-session=\"")
        .escaped(session.id()).raw("\">\n");
    out.tag("h2", session.groupName() + " · " + session.id() + " · " + ReportWords.RANKING);
    if (session.sealed() == null) {
      out.raw("<p class=\"pending\">").escaped(ReportWords.notSealed(session.state())).raw("</p>\n</section>\n");
      return;
    }
    out.meta(ReportWords.STATE + ": " + ReportWords.state(session.state()) + " · " + ReportWords.SEALED_AT + ": "
        + ReportWords.time(session.sealed().sealedAt(), zone) + " · " + ReportWords.BALLOTS + ": " + session.sealed().ballots());
    out.raw("<table>\n<thead>\n<tr>");
    for (String label : List.of(ReportWords.RANK, ReportWords.CODE, ReportWords.DEPARTMENT, ReportWords.SCORE,
        ReportWords.RAW_MEAN, ReportWords.SATISFACTION, ReportWords.VOTES)) {
      out.raw("<th scope=\"col\" rowspan=\"2\">").escaped(label).raw("</th>");
    }
    out.raw("<th scope=\"colgroup\" colspan=\"").raw(edition.grades().size()).raw("\">")
        .escaped(ReportWords.GRADES).raw("</th>");
    edition.weightClasses().forEach(k -> out.raw("<th scope=\"colgroup\" colspan=\"2\">")
        .escaped(k.label() + " ×" + k.weight().stripTrailingZeros().toPlainString()).raw("</th>"));
    out.raw("</tr>\n<tr>");
    edition.grades().forEach(g -> out.raw("<th scope=\"col\">").escaped(g.label() + " (" + g.points() + ")").raw("</th>"));
    edition.weightClasses().forEach(k -> out.raw("<th scope=\"col\">").escaped(ReportWords.MEAN)
        .raw("</th><th scope=\"col\">").escaped(ReportWords.CLASS_VOTES).raw("</th>"));
    out.raw("</tr>\n</thead>\n<tbody>\n");
    boolean anySuppressed = false;
    for (Ranked r : session.sealed().ranking()) {
      out.raw("<tr data-code=\"").escaped(r.code()).raw("\">");
      out.cell("num", String.valueOf(r.rank()));
      out.cell("", r.code());
      out.cell("name", r.name());
      out.cell("num", ReportWords.fixed(r.score(), 2));
      out.cell("num", ReportWords.fixed(r.rawMean(), 2));
      out.cell("num", ReportWords.percent(r.satisfactionRate()));
      out.cell("num", String.valueOf(r.votes()));
      edition.grades().forEach(g -> out.cell("num", String.valueOf(r.grades().getOrDefault(g.code(), 0L))));
      for (Edition.WeightClass k : edition.weightClasses()) {
        ClassMean m = r.byWeightClass().get(k.code());
        if (m == null || m.suppressed()) {
          anySuppressed = true;
          out.raw("<td class=\"suppressed\" colspan=\"2\">").escaped(ReportWords.SUPPRESSED).raw("</td>");
        } else {
          out.cell("num", ReportWords.fixed(m.mean(), 2));
          out.cell("num", String.valueOf(m.votes()));
        }
      }
      out.raw("</tr>\n");
    }
    out.raw("</tbody></table>\n");
    if (anySuppressed) {
      out.note(ReportWords.smallCells(report.minCellSize()));
    }
    out.raw("<p class=\"note hash\">").escaped(ReportWords.CHAIN_ROOT + ": " + session.sealed().chainRoot()).raw("</p>\n");
    out.raw("</section>\n");
  }

  private void turnout() {
    out.raw("<section id=\"turnout\">\n");
    out.tag("h2", ReportWords.TURNOUT);
    boolean anySuppressed = false;
    for (SessionPart p : report.sessions()) {
      out.tag("h3", p.groupName() + " · " + p.id());
      if (p.turnout() == null) {
        out.raw("<p class=\"pending\">").escaped(ReportWords.notSealed(p.state())).raw("</p>\n");
        continue;
      }
      out.table(List.of(ReportWords.DISTRICT, ReportWords.ELIGIBLE, ReportWords.VOTED, ReportWords.RATIO));
      for (DistrictTurnout d : p.turnout().byDistrict()) {
        if (d.suppressed()) {
          anySuppressed = true;
          out.raw("<tr data-district=\"").escaped(d.code()).raw("\">");
          out.cell("", d.label());
          out.raw("<td class=\"suppressed\" colspan=\"3\">").escaped(ReportWords.SUPPRESSED).raw("</td></tr>\n");
        } else {
          out.row("", List.of(d.label()), List.of(String.valueOf(d.eligible()), String.valueOf(d.voted()), ReportWords.percent(d.ratio())));
        }
      }
      out.row("total", List.of(ReportWords.TOTAL), List.of(String.valueOf(p.turnout().eligible()),
          String.valueOf(p.turnout().voted()), ReportWords.percent(p.turnout().ratio())));
      out.raw("</tbody></table>\n");
    }
    if (anySuppressed) {
      out.note(ReportWords.smallCells(report.minCellSize()));
    }
    out.raw("</section>\n");
  }

  private void survey() {
    out.raw("<section id=\"survey\">\n");
    out.tag("h2", ReportWords.SURVEY);
    out.meta(ReportWords.RESPONDENTS + ": " + report.survey().respondents());
    out.note(ReportWords.SEALED_ONLY);
    out.table(List.of(ReportWords.AREA, ReportWords.QUESTION, ReportWords.ANSWER, ReportWords.COUNT));
    for (Question q : report.survey().questions()) {
      String area = Objects.requireNonNullElse(q.area(), "");  // an edition may leave a question's area out
      for (OptionCount o : q.counts()) {
        out.row("", List.of(area, q.text(), o.label()), List.of(String.valueOf(o.count())));
      }
      if (q.mean() != null) {
        out.row("", List.of(area, q.text(), ReportWords.SCALE_MEAN), List.of(ReportWords.fixed(q.mean(), 2)));
      }
      out.row("total", List.of(area, q.text(), ReportWords.ANSWERED), List.of(String.valueOf(q.answered())));
    }
    out.raw("</tbody></table>\n");
    out.note(ReportWords.TEXT_ANSWERS);
    out.raw("</section>\n");
  }

  private void suggestions() {
    SuggestionFigures f = report.suggestions();
    out.raw("<section id=\"suggestions\">\n");
    out.tag("h2", ReportWords.SUGGESTIONS);
    out.meta(ReportWords.AS_OF + ": " + ReportWords.time(f.asOf(), zone) + " · " + ReportWords.UNASSIGNED + ": "
        + f.unassigned() + " · " + ReportWords.MERGED + ": " + f.merged());
    List<String> header = new ArrayList<>(List.of(ReportWords.CODE, ReportWords.DEPARTMENT));
    header.addAll(ReportWords.SUGGESTION_COLUMNS);
    out.table(header);
    for (SuggestionFigures.Row r : f.departments()) {
      out.row("", List.of(r.code(), r.name()), ReportWords.suggestionFigures(r).stream().map(String::valueOf).toList());
    }
    out.row("total", List.of("", ReportWords.TOTAL), ReportWords.suggestionFigures(f.totals()).stream().map(String::valueOf).toList());
    out.raw("</tbody></table>\n</section>\n");
  }

  private void verification() {
    out.raw("<section id=\"verification\">\n");
    out.tag("h2", ReportWords.VERIFICATION);
    out.raw("<p class=\"meta hash\">").escaped(ReportWords.EDITION_SHA256 + ": " + report.editionSha256()).raw("</p>\n");
    for (SessionPart p : report.sessions()) {
      out.tag("h3", p.groupName() + " · " + p.id() + " · " + ReportWords.state(p.state()));
      if (p.sealed() == null) {
        out.raw("<p class=\"pending\">").escaped(ReportWords.NOT_SEALED).raw("</p>\n");
        continue;
      }
      out.raw("<table class=\"verification\" data-session=\"").escaped(p.id()).raw("\"><tbody>\n");
      out.pair(ReportWords.SEALED_AT, p.sealed().sealedAt().toString(), "");
      out.pair(ReportWords.BALLOTS, String.valueOf(p.sealed().ballots()), "");
      out.pair(ReportWords.CHAIN_ROOT, p.sealed().chainRoot(), "hash chain-root");
      out.pair(ReportWords.SEAL_KEY, orNone(p.sealed().sealKeyId()), "hash");
      out.pair(ReportWords.PUBLISH_KEY, orNone(p.sealed().publishKeyId()), "hash");
      out.pair(ReportWords.EDITION_SHA256_SEALED, p.sealed().editionSha256(), "hash");
      out.raw("</tbody></table>\n");
    }
    out.note(ReportWords.VERIFY_HOW);
    out.raw("</section>\n");
  }

  private static String orNone(String value) {
    return value == null ? ReportWords.NONE : value;
  }

  private static String stylesheet() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("/report/report.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
