package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  @Test
  void bigramsIgnoreSpacesPunctuationAndCase() {
    assertEquals(Set.of("停车", "车位"), Similarity.bigrams("停车，位！"));
    assertEquals(Set.of("ab", "bc"), Similarity.bigrams("A b C"));
    assertEquals(Set.of("路"), Similarity.bigrams("路"));
  }

  @Test
  void theSameRequestInOtherWordsScoresAboveTheThresholdAndAnotherTopicBelow() {
    double near = Similarity.jaccard(Similarity.bigrams("建议在老城区增加公共停车位，缓解停车难。"),
        Similarity.bigrams("老城区停车难，建议增加停车位。"));
    double far = Similarity.jaccard(Similarity.bigrams("建议在老城区增加公共停车位。"), Similarity.bigrams("希望延长图书馆周末开放时间。"));
    assertTrue(near >= Similarity.THRESHOLD, "near " + near);
    assertTrue(far < Similarity.THRESHOLD, "far " + far);
    assertEquals(1.0, Similarity.jaccard(Similarity.bigrams("增加停车位"), Similarity.bigrams("增加 停车位")));
    assertEquals(0.0, Similarity.jaccard(Set.of(), Set.of()));
  }
}
