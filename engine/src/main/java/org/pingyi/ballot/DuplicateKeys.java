package org.pingyi.ballot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds keys that appear twice in one JSON object. A JSON object model keeps only the last of them, so a ballot
 * naming a department twice would otherwise pass as if it named it once.
 */
final class DuplicateKeys {
  private static final JsonFactory FACTORY = new JsonFactory();

  private DuplicateKeys() {}

  /** Dotted paths of the duplicates, e.g. {@code scores.D01}; empty when there are none or the JSON is broken. */
  static List<String> find(byte[] json) {
    List<String> duplicates = new ArrayList<>();
    Deque<Set<String>> seen = new ArrayDeque<>();
    Deque<String> path = new ArrayDeque<>();
    String pendingName = null;
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            path.push(pendingName == null ? "" : pendingName);
            seen.push(new HashSet<>());
            pendingName = null;
          }
          case END_OBJECT, END_ARRAY -> {
            seen.pop();
            path.pop();
          }
          case FIELD_NAME -> {
            pendingName = parser.currentName();
            if (!seen.peek().add(pendingName)) {
              duplicates.add(dotted(path, pendingName));
            }
          }
          default -> pendingName = null;
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return duplicates;
  }

  private static String dotted(Deque<String> path, String name) {
    List<String> parts = new ArrayList<>(path);
    java.util.Collections.reverse(parts);
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty()) {
        sb.append(part).append('.');
      }
    }
    return sb.append(name).toString();
  }
}
