package org.pingyi.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;
import org.pingyi.http.FieldError;

/**
 * Reads the roster CSV ({@code id,name,phone,district,category,status,subject}) with Commons CSV, one record at a
 * time, and checks every line against the edition. All problems are collected (up to {@link #MAX_ERRORS}) so an
 * operator fixes the file in one go. Messages name the line and the column, never the personal data in it.
 */
public final class RosterCsv {
  public static final List<String> HEADER = List.of("id", "name", "phone", "district", "category", "status", "subject");
  static final int MAX_ERRORS = 10_000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,24}");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private RosterCsv() {}

  public static RosterParse parse(Reader reader, Edition edition) throws IOException {
    List<RosterEntry> entries = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Map<String, Long> ids = new HashMap<>();
    Map<String, Long> subjects = new HashMap<>();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return new RosterParse(List.of(), List.of(new FieldError("line 1", "empty file: expected the header " + String.join(",", HEADER))));
      }
      List<String> header = new ArrayList<>(records.next().toList());
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", ""));
      }
      if (!header.stream().map(String::trim).toList().equals(HEADER)) {
        return new RosterParse(List.of(), List.of(new FieldError("line 1", "wrong header: expected " + String.join(",", HEADER))));
      }
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(new FieldError("line " + (parser.getCurrentLineNumber() + 1), "not readable as CSV (an unclosed quote?)"));
          break;
        }
        long line = record.getRecordNumber();
        RosterEntry entry = check(record, line, edition, ids, subjects, errors);
        if (entry != null) {
          entries.add(entry);
        }
        if (errors.size() >= MAX_ERRORS) {
          errors.add(new FieldError("line " + line, "stopped after " + MAX_ERRORS + " problems"));
          break;
        }
      }
    }
    return new RosterParse(errors.isEmpty() ? entries : List.of(), errors);
  }

  private static RosterEntry check(CSVRecord r, long line, Edition edition, Map<String, Long> ids,
      Map<String, Long> subjects, List<FieldError> errors) {
    String where = "line " + line;
    if (r.size() != HEADER.size()) {
      errors.add(new FieldError(where, "expected " + HEADER.size() + " fields, found " + r.size()));
      return null;
    }
    int before = errors.size();
    String[] v = new String[HEADER.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Csv.restore(r.get(i)).trim();
      if (v[i].isEmpty()) {
        errors.add(new FieldError(where, "missing " + HEADER.get(i)));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    String id = v[0];
    if (!ID.matcher(id).matches()) {
      errors.add(new FieldError(where, "id must be 1-64 letters, digits, _ or -"));
    } else if (ids.putIfAbsent(id, line) != null) {
      errors.add(new FieldError(where, "duplicate id (first on line " + ids.get(id) + ")"));
    }
    if (v[1].length() > 100) {
      errors.add(new FieldError(where, "name longer than 100 characters"));
    }
    if (!PHONE.matcher(v[2]).matches()) {
      errors.add(new FieldError(where, "phone is not a phone number"));
    }
    if (edition.district(v[3]).isEmpty()) {
      errors.add(new FieldError(where, "unknown district '" + v[3] + "'"));
    }
    if (edition.category(v[4]).isEmpty()) {
      errors.add(new FieldError(where, "unknown category '" + v[4] + "'"));
    }
    RosterEntry.Status status = null;
    try {
      status = RosterEntry.Status.valueOf(v[5]);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(where, "status must be active, alternate or withdrawn"));
    }
    if (v[6].length() > 255) {
      errors.add(new FieldError(where, "subject longer than 255 characters"));
    } else if (subjects.putIfAbsent(v[6], line) != null) {
      errors.add(new FieldError(where, "duplicate subject (first on line " + subjects.get(v[6]) + ")"));
    }
    return errors.size() > before ? null : new RosterEntry(id, v[1], v[2], v[3], v[4], status, v[6]);
  }
}
