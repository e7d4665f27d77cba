package org.pingyi.suggestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingyi.http.Csv;

/** The suggestions export: one row per suggestion, pseudonymous authors (office only), no phones. */
final class SuggestionCsv {
  static final List<String> HEADER = List.of("id", "authorRole", "author", "topic", "suggestedDepartment", "lead",
      "coHandlers", "status", "text", "createdAt", "assignedAt", "dueAt", "overdue", "answeredAt", "answeredOnTime",
      "adopted", "answer", "plan", "satisfied", "reopenCount", "mergedInto", "closedAt");

  private SuggestionCsv() {}

  static String of(List<Suggestion> items, Instant now, boolean withAuthor) {
    return Csv.withBom(HEADER, out -> {
      for (Suggestion s : items) {
        out.printRecord(s.id(), withAuthor ? s.authorRole() : "", withAuthor ? s.authorId() : "", s.topic(), s.department(),
            s.lead(), String.join(";", s.coHandlers()), s.status().name(), s.text(), s.createdAt(), s.assignedAt(), s.dueAt(),
            s.overdue(now), s.answeredAt(), s.answeredOnTime(), s.adopted(), s.answer(), s.plan(), s.satisfied(),
            s.reopenCount(), s.mergedInto(), s.closedAt());
      }
    });
  }

  static String figures(SuggestionFigures f) {
    List<String> header = new ArrayList<>(List.of("code", "department"));
    header.addAll(SuggestionFigures.COLUMNS);
    return Csv.withBom(header, out -> {
      for (SuggestionFigures.Row r : f.departments()) {
        out.printRecord(r.code(), r.name(), r.received(), r.answered(), r.answeredOnTime(), r.overdue(), r.reopened(),
            r.satisfied(), r.dissatisfied(), r.adopted());
      }
      SuggestionFigures.Row t = f.totals();
      out.printRecord("total", "合计", t.received(), t.answered(), t.answeredOnTime(), t.overdue(), t.reopened(),
          t.satisfied(), t.dissatisfied(), t.adopted());
    });
  }
}
