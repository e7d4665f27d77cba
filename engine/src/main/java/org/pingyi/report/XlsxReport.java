package org.pingyi.report;

import static org.pingyi.report.XlsxSheet.decimal;
import static org.pingyi.report.XlsxSheet.percent;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.pingyi.edition.Edition;
import org.pingyi.report.EditionReport.ClassMean;
import org.pingyi.report.EditionReport.DistrictTurnout;
import org.pingyi.report.EditionReport.OptionCount;
import org.pingyi.report.EditionReport.Question;
import org.pingyi.report.EditionReport.Ranked;
import org.pingyi.report.EditionReport.SessionPart;
import org.pingyi.report.XlsxSheet.Span;
import org.pingyi.suggestion.SuggestionFigures;

/**
 * The edition report as an xlsx workbook: an overview, one sheet per group with its final ranking, then turnout,
 * survey, suggestions and verification, each printable on A4. Blocking: run it in executeBlocking.
 */
final class XlsxReport {
  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final EditionReport report;
  private final Edition edition;
  private final ZoneId zone;

  private XlsxReport(EditionReport report, Edition edition) {
    this.report = report;
    this.edition = edition;
    this.zone = edition.zone();
  }

  static void write(EditionReport report, Edition edition, OutputStream out) throws IOException {
    new XlsxReport(report, edition).write(out);
  }

  private void write(OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "Pingyi", "1.0");
    workbook.properties().setTitle(report.editionName() + " " + ReportWords.TITLE);
    overview(sheet(workbook, ReportWords.OVERVIEW, false));
    for (SessionPart session : report.sessions()) {
      ranking(sheet(workbook, sheetName(session), true), session);
    }
    turnout(sheet(workbook, ReportWords.TURNOUT, false));
    survey(sheet(workbook, ReportWords.SURVEY, false));
    suggestions(sheet(workbook, ReportWords.SUGGESTIONS, true));
    verification(sheet(workbook, ReportWords.VERIFICATION, true));
    workbook.finish();
  }

  private XlsxSheet sheet(Workbook workbook, String name, boolean landscape) {
    return new XlsxSheet(workbook, name, landscape, report.editionName());
  }

  /** The group's name (sheet names are at most 31 characters and may not hold []:*?/\). */
  static String sheetName(SessionPart session) {
    String name = session.groupName().replaceAll("[\\[\\]:*?/\\\\]", " ");
    return name.length() > 31 ? name.substring(0, 31) : name;
  }

  private void overview(XlsxSheet s) {
    s.widths(24, 16, 22, 28, 10);
    s.title(report.editionName() + " · " + ReportWords.TITLE);
    s.line(ReportWords.EDITION + ": " + report.editionId());
    s.line(ReportWords.GENERATED_AT + ": " + ReportWords.time(report.generatedAt(), zone));
    s.line(report.allPublished() ? ReportWords.PUBLIC : ReportWords.EMBARGOED);
    s.line(ReportWords.SEALED_ONLY);
    s.line(ReportWords.EDITION_SHA256 + ": " + report.editionSha256());
    s.skip();
    s.header(List.of(ReportWords.SESSION, ReportWords.GROUP, ReportWords.STATE, ReportWords.SEALED_AT, ReportWords.BALLOTS));
    for (SessionPart p : report.sessions()) {
      s.cells(p.id(), p.groupName(), ReportWords.state(p.state()),
          p.sealed() == null ? ReportWords.NOT_SEALED : ReportWords.time(p.sealed().sealedAt(), zone),
          p.sealed() == null ? null : p.sealed().ballots());
    }
    s.skip();
    s.note(ReportWords.smallCells(report.minCellSize()));
  }

  private void ranking(XlsxSheet s, SessionPart session) {
    s.title(session.groupName() + " · " + session.id() + " · " + ReportWords.RANKING);
    if (session.sealed() == null) {
      s.line(ReportWords.notSealed(session.state()));
      return;
    }
    s.line(ReportWords.STATE + ": " + ReportWords.state(session.state()) + " · " + ReportWords.SEALED_AT + ": "
        + ReportWords.time(session.sealed().sealedAt(), zone) + " · " + ReportWords.BALLOTS + ": " + session.sealed().ballots());
    s.skip();
    List<String> header = new ArrayList<>(List.of(ReportWords.RANK, ReportWords.CODE, ReportWords.DEPARTMENT,
        ReportWords.SCORE, ReportWords.RAW_MEAN, ReportWords.SATISFACTION, ReportWords.VOTES));
    List<Double> widths = new ArrayList<>(List.of(8.0, 8.0, 24.0, 9.0, 10.0, 10.0, 8.0));
    int grades = header.size();
    edition.grades().forEach(g -> {
      header.add(g.label() + " (" + g.points() + ")");
      widths.add(9.0);
    });
    List<Span> spans = new ArrayList<>(List.of(new Span(grades, edition.grades().size(), ReportWords.GRADES)));
    for (Edition.WeightClass k : edition.weightClasses()) {
      spans.add(new Span(header.size(), 2, k.label() + " ×" + k.weight().stripTrailingZeros().toPlainString()));
      header.add(ReportWords.MEAN);
      header.add(ReportWords.CLASS_VOTES);
      widths.add(10.0);
      widths.add(10.0);
    }
    s.widths(widths.stream().mapToDouble(Double::doubleValue).toArray());
    s.spans(spans);
    s.header(header);
    boolean anySuppressed = false;
    for (Ranked r : session.sealed().ranking()) {
      List<Object> row = new ArrayList<>(List.of(r.rank(), r.code(), r.name(), decimal(r.score()), decimal(r.rawMean()),
          percent(r.satisfactionRate()), r.votes()));
      edition.grades().forEach(g -> row.add(r.grades().getOrDefault(g.code(), 0L)));
      for (Edition.WeightClass k : edition.weightClasses()) {
        ClassMean m = r.byWeightClass().get(k.code());
        if (m == null || m.suppressed()) {
          anySuppressed = true;
          row.add(ReportWords.SUPPRESSED);
          row.add(ReportWords.SUPPRESSED);
        } else {
          row.add(decimal(m.mean()));
          row.add(m.votes());
        }
      }
      s.cells(row.toArray());
    }
    s.skip();
    if (anySuppressed) {
      s.note(ReportWords.smallCells(report.minCellSize()));
    }
    s.note(ReportWords.CHAIN_ROOT + ": " + session.sealed().chainRoot());
  }

  private void turnout(XlsxSheet s) {
    s.widths(18, 16, 14, 12, 12, 12);
    s.title(ReportWords.TURNOUT);
    s.header(List.of(ReportWords.SESSION, ReportWords.GROUP, ReportWords.DISTRICT, ReportWords.ELIGIBLE,
        ReportWords.VOTED, ReportWords.RATIO));
    boolean anySuppressed = false;
    for (SessionPart p : report.sessions()) {
      if (p.turnout() == null) {
        s.cells(p.id(), p.groupName(), ReportWords.notSealed(p.state()));
        continue;
      }
      for (DistrictTurnout d : p.turnout().byDistrict()) {
        if (d.suppressed()) {
          anySuppressed = true;
          s.cells(p.id(), p.groupName(), d.label(), ReportWords.SUPPRESSED, ReportWords.SUPPRESSED, ReportWords.SUPPRESSED);
        } else {
          s.cells(p.id(), p.groupName(), d.label(), d.eligible(), d.voted(), percent(d.ratio()));
        }
      }
      s.totals(p.id(), p.groupName(), ReportWords.TOTAL, p.turnout().eligible(), p.turnout().voted(), percent(p.turnout().ratio()));
    }
    s.skip();
    if (anySuppressed) {
      s.note(ReportWords.smallCells(report.minCellSize()));
    }
  }

  private void survey(XlsxSheet s) {
    s.widths(14, 44, 22, 10);
    s.title(ReportWords.SURVEY);
    s.line(ReportWords.RESPONDENTS + ": " + report.survey().respondents());
    s.note(ReportWords.SEALED_ONLY);
    s.skip();
    s.header(List.of(ReportWords.AREA, ReportWords.QUESTION, ReportWords.ANSWER, ReportWords.COUNT));
    for (Question q : report.survey().questions()) {
      for (OptionCount o : q.counts()) {
        s.cells(q.area(), q.text(), o.label(), o.count());
      }
      if (q.mean() != null) {
        s.cells(q.area(), q.text(), ReportWords.SCALE_MEAN, decimal(q.mean()));
      }
      s.totals(q.area(), q.text(), ReportWords.ANSWERED, q.answered());
    }
    s.skip();
    s.note(ReportWords.TEXT_ANSWERS);
  }

  private void suggestions(XlsxSheet s) {
    SuggestionFigures f = report.suggestions();
    s.widths(8, 24, 10, 10, 10, 10, 10, 10, 10, 10);
    s.title(ReportWords.SUGGESTIONS);
    s.line(ReportWords.AS_OF + ": " + ReportWords.time(f.asOf(), zone) + " · " + ReportWords.UNASSIGNED + ": "
        + f.unassigned() + " · " + ReportWords.MERGED + ": " + f.merged());
    s.skip();
    List<String> header = new ArrayList<>(List.of(ReportWords.CODE, ReportWords.DEPARTMENT));
    header.addAll(ReportWords.SUGGESTION_COLUMNS);
    s.header(header);
    for (SuggestionFigures.Row r : f.departments()) {
      List<Object> row = new ArrayList<>(List.of(r.code(), r.name()));
      row.addAll(ReportWords.suggestionFigures(r));
      s.cells(row.toArray());
    }
    List<Object> totals = new ArrayList<>(List.of("", ReportWords.TOTAL));
    totals.addAll(ReportWords.suggestionFigures(f.totals()));
    s.totals(totals.toArray());
  }

  private void verification(XlsxSheet s) {
    s.widths(16, 16, 24, 8, 66, 18, 18, 66);
    s.title(ReportWords.VERIFICATION);
    s.line(ReportWords.EDITION_SHA256 + ": " + report.editionSha256());
    s.skip();
    s.header(List.of(ReportWords.SESSION, ReportWords.STATE, ReportWords.SEALED_AT, ReportWords.BALLOTS,
        ReportWords.CHAIN_ROOT, ReportWords.SEAL_KEY, ReportWords.PUBLISH_KEY, ReportWords.EDITION_SHA256_SEALED));
    for (SessionPart p : report.sessions()) {
      if (p.sealed() == null) {
        s.cells(p.id(), ReportWords.state(p.state()), ReportWords.NOT_SEALED);
        continue;
      }
      s.cells(p.id(), ReportWords.state(p.state()), p.sealed().sealedAt().toString(), p.sealed().ballots(),
          p.sealed().chainRoot(), p.sealed().sealKeyId(), p.sealed().publishKeyId(), p.sealed().editionSha256());
    }
    s.skip();
    s.note(ReportWords.VERIFY_HOW);
  }
}
