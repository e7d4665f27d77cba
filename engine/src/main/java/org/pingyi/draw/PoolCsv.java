package org.pingyi.draw;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.http.Csv;
import org.pingyi.http.FieldError;

/**
 * Reads a pool file ({@code id,name,phone,district,category,source,subject,servedYears}) with Commons CSV in one
 * pass, hashing its bytes as they go by, and checks every line against the edition and the draw's year. Every bad
 * line is reported (up to {@link #MAX_ERRORS}), naming the line and the column, never the personal data in it.
 */
public final class PoolCsv {
  public static final List<String> HEADER =
      List.of("id", "name", "phone", "district", "category", "source", "subject", "servedYears");
  static final byte[] PSEUDONYM_KEY_PREFIX = "pingyi-draw-pseudonym-v1\n".getBytes(StandardCharsets.UTF_8);
  static final int MAX_ERRORS = 10_000;
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,24}");
  private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

  private PoolCsv() {}

  /** What reading the pool gave: the pool, or every bad line (then no draw). */
  public record Parse(Pool pool, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static Parse parse(InputStream raw, Edition edition, int year) throws IOException {
    MessageDigest fileDigest = Hashes.sha256Digest();
    MessageDigest keyDigest = Hashes.sha256Digest();
    keyDigest.update(PSEUDONYM_KEY_PREFIX);
    InputStream hashed = new DigestInputStream(new DigestInputStream(new BufferedInputStream(raw, 1 << 16), fileDigest), keyDigest);
    Reader reader = new Reader(edition, year);
    try (CSVParser parser = CSVParser.builder()
        .setReader(new InputStreamReader(hashed, StandardCharsets.UTF_8.newDecoder())).setFormat(FORMAT).get()) {
      try {
        readAll(parser, reader);
      } catch (UncheckedIOException | IllegalStateException e) {
        reader.errors.add(new FieldError("line " + (parser.getCurrentLineNumber() + 1),
            e.getCause() instanceof CharacterCodingException ? "not UTF-8 text (at or after this line)" : "not readable as CSV (an unclosed quote?)"));
      }
    }
    if (reader.headerProblem != null) {
      return refused(reader.headerProblem);
    }
    reader.findDuplicates();
    if (!reader.errors.isEmpty()) {
      return new Parse(null, reader.sortedErrors());
    }
    return new Parse(reader.build(fileDigest.digest(), keyDigest), List.of());
  }

  private static void readAll(CSVParser parser, Reader reader) {
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      reader.headerProblem = "empty file: expected the header " + String.join(",", HEADER);
      return;
    }
    List<String> header = new ArrayList<>(records.next().toList());
    if (!header.isEmpty()) {
      header.set(0, header.get(0).replace("\uFEFF", ""));
    }
    if (!header.stream().map(String::trim).toList().equals(HEADER)) {
      reader.headerProblem = "wrong header: expected " + String.join(",", HEADER);
      return;
    }
    while (reader.errors.size() < MAX_ERRORS && records.hasNext()) {
      reader.check(records.next());
    }
    if (reader.errors.size() >= MAX_ERRORS) {
      reader.errors.add(new FieldError("line " + parser.getCurrentLineNumber(), "stopped after " + MAX_ERRORS + " problems"));
    }
  }

  private static Parse refused(String message) {
    return new Parse(null, List.of(new FieldError("line 1", message)));
  }

  /** Grows the pool's columns row by row and collects the problems. */
  private static final class Reader {
    final Edition edition;
    final int year;
    final Integer maxConsecutive;
    final Map<String, Integer> categories = new HashMap<>();
    final Map<String, Integer> districts = new HashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    String headerProblem;
    final MessageDigest subjectDigest = Hashes.sha256Digest();
    int size;
    String[] ids = new String[1024];
    short[] category = new short[1024];
    byte[] district = new byte[1024];
    byte[] source = new byte[1024];
    byte[] standing = new byte[1024];
    long[] line = new long[1024];
    long[] position = new long[1024];
    long[] subjectPrint = new long[1024];

    Reader(Edition edition, int year) {
      this.edition = edition;
      this.year = year;
      this.maxConsecutive = edition.rotationOrNone().maxConsecutiveYears();
      for (int i = 0; i < edition.categories().size(); i++) {
        categories.put(edition.categories().get(i).code(), i);
      }
      for (int i = 0; i < edition.districts().size(); i++) {
        districts.put(edition.districts().get(i).code(), i);
      }
    }

    void check(CSVRecord r) {
      String where = "line " + r.getRecordNumber();
      if (r.size() != HEADER.size()) {
        errors.add(new FieldError(where, "expected " + HEADER.size() + " fields, found " + r.size()));
        return;
      }
      int before = errors.size();
      String[] v = new String[HEADER.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = field(r.get(i));
        if (v[i].isEmpty() && i < 7) {
          errors.add(new FieldError(where, "missing " + HEADER.get(i)));
        }
      }
      if (errors.size() > before) {
        return;
      }
      if (!ID.matcher(v[0]).matches()) {
        errors.add(new FieldError(where, "id must be 1-64 letters, digits, _ or -"));
      }
      if (v[1].length() > 100) {
        errors.add(new FieldError(where, "name longer than 100 characters"));
      }
      if (!PHONE.matcher(v[2]).matches()) {
        errors.add(new FieldError(where, "phone is not a phone number"));
      }
      Integer d = districts.get(v[3]);
      if (d == null) {
        errors.add(new FieldError(where, "unknown district '" + v[3] + "'"));
      }
      Integer c = categories.get(v[4]);
      if (c == null) {
        errors.add(new FieldError(where, "unknown category '" + v[4] + "'"));
      }
      Source s = null;
      try {
        s = Source.valueOf(v[5]);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(where, "source must be random, recommended or volunteer"));
      }
      if (v[6].length() > 255) {
        errors.add(new FieldError(where, "subject longer than 255 characters"));
      }
      Set<Integer> served = servedYears(v[7], where);
      if (errors.size() > before) {
        return;
      }
      add(v[0], c, d, s, Standing.of(served, year, maxConsecutive), r, v[6]);
    }

    private Set<Integer> servedYears(String text, String where) {
      Set<Integer> years = new HashSet<>();
      if (text.isEmpty()) {
        return years;
      }
      for (String part : text.split(";", -1)) {
        String y = part.trim();
        if (!YEAR.matcher(y).matches()) {
          errors.add(new FieldError(where, "servedYears must be years separated by ';' (e.g. 2023;2024)"));
          return years;
        }
        int value = Integer.parseInt(y);
        if (value >= year) {
          errors.add(new FieldError(where, "servedYears names " + value + ", not before the draw's year " + year));
          return years;
        }
        years.add(value);
      }
      return years;
    }

    private void add(String id, int c, int d, Source s, Standing st, CSVRecord record, String subject) {
      if (size == ids.length) {
        int n = size * 2;
        ids = Arrays.copyOf(ids, n);
        category = Arrays.copyOf(category, n);
        district = Arrays.copyOf(district, n);
        source = Arrays.copyOf(source, n);
        standing = Arrays.copyOf(standing, n);
        line = Arrays.copyOf(line, n);
        position = Arrays.copyOf(position, n);
        subjectPrint = Arrays.copyOf(subjectPrint, n);
      }
      ids[size] = id;
      category[size] = (short) c;
      district[size] = (byte) d;
      source[size] = (byte) s.ordinal();
      standing[size] = (byte) st.ordinal();
      line[size] = record.getRecordNumber();
      position[size] = record.getCharacterPosition();
      subjectPrint[size] = Fingerprints.ofSubject(subjectDigest, subject);
      size++;
    }

    /** Two rows with one id, or one face-auth subject (one person entered twice), refuse the pool. */
    void findDuplicates() {
      for (int[] pair : Fingerprints.repeats(Fingerprints.ofIds(ids, size), size)) {
        if (ids[pair[0]].equals(ids[pair[1]])) {
          errors.add(new FieldError("line " + line[pair[1]], "duplicate id (first on line " + line[pair[0]] + ")"));
        }
      }
      for (int[] pair : Fingerprints.repeats(subjectPrint, size)) {
        errors.add(new FieldError("line " + line[pair[1]], "duplicate subject (first on line " + line[pair[0]] + ")"));
      }
    }

    List<FieldError> sortedErrors() {
      List<FieldError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingLong(e -> Long.parseLong(e.field().substring("line ".length()))));
      return sorted;
    }

    Pool build(byte[] sha256, MessageDigest pseudonymKey) {
      return new Pool(size, Arrays.copyOf(ids, size), Arrays.copyOf(category, size),
          Arrays.copyOf(district, size), Arrays.copyOf(source, size),
          Arrays.copyOf(standing, size), Arrays.copyOf(position, size), sha256, pseudonymKey);
    }
  }

  /**
   * A field as docs/draw.md §2 reads it: the spreadsheet guard every Pingyi CSV carries (a {@code '} before
   * {@code = + - @}, tab or CR; see http/Csv) is taken off, exactly that and nothing else, then the field is trimmed.
   */
  static String field(String raw) {
    return Csv.restore(raw).trim();
  }
}
