package org.pingyi.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 64-bit fingerprints, so a million rows are checked for repeats without keeping a million subjects in memory:
 * a subject's is the first 8 bytes of its SHA-256 (two different subjects share one with odds below 10^-7 in a
 * pool of a million); an id's is a quick FNV-1a hash, confirmed by comparing the ids themselves.
 */
final class Fingerprints {
  private Fingerprints() {}

  static long ofSubject(MessageDigest sha256, String subject) {
    return ByteBuffer.wrap(sha256.digest(subject.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  static long[] ofIds(String[] ids, int n) {
    long[] prints = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L;
      String id = ids[i];
      for (int k = 0; k < id.length(); k++) {
        h = (h ^ id.charAt(k)) * 0x100000001b3L;
      }
      prints[i] = h;
    }
    return prints;
  }

  /** Every later row whose fingerprint an earlier row has, as {first, later} row pairs in row order. */
  static List<int[]> repeats(long[] prints, int n) {
    long[] sorted = Arrays.copyOf(prints, n);
    Arrays.sort(sorted);
    Set<Long> repeated = new HashSet<>();
    for (int i = 1; i < n; i++) {
      if (sorted[i] == sorted[i - 1]) {
        repeated.add(sorted[i]);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    if (repeated.isEmpty()) {
      return pairs;
    }
    Map<Long, Integer> first = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (repeated.contains(prints[i])) {
        Integer earlier = first.putIfAbsent(prints[i], i);
        if (earlier != null) {
          pairs.add(new int[] {earlier, i});
        }
      }
    }
    return pairs;
  }
}
