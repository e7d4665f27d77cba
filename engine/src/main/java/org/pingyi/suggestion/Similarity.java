package org.pingyi.suggestion;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two suggestions read: the Jaccard index of their character bigrams, |A ∩ B| / |A ∪ B| over the sets of
 * adjacent letter or digit pairs, after lower-casing and dropping spaces and punctuation. Chinese has no spaces
 * between words and most of its words are two characters long, so character bigrams catch the shared words
 * ("停车位", "老城区") without a dictionary; 0 is nothing in common, 1 the same characters in pairs.
 */
public final class Similarity {
  /** Offered as a possible duplicate from this score up. */
  public static final double THRESHOLD = 0.2;

  private Similarity() {}

  public static Set<String> bigrams(String text) {
    int[] points = text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).toArray();
    Set<String> out = new HashSet<>();
    if (points.length == 1) {
      out.add(new String(points, 0, 1));
    }
    for (int i = 0; i + 1 < points.length; i++) {
      out.add(new String(points, i, 2));
    }
    return out;
  }

  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    long shared = smaller.stream().filter(larger::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
