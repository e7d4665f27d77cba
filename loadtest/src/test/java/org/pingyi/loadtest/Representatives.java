package org.pingyi.loadtest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The active representatives of the roster the engine was started with, as Gatling feeder records. */
public final class Representatives {
  private Representatives() {}

  public static List<Map<String, Object>> active(Path roster, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        if (out.size() == limit) {
          break;
        }
        if ("active".equals(r.get("status"))) {
          Map<String, Object> rep = new HashMap<>();
          rep.put("representative", r.get("id"));
          rep.put("subject", r.get("subject"));
          rep.put("index", out.size());
          out.add(rep);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (out.size() < limit) {
      throw new IllegalStateException("the roster has " + out.size() + " active representatives, " + limit + " asked for");
    }
    return out;
  }
}
