package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pingyi.Hashes;

/**
 * The generator is the one docs/draw.md describes: these answers were computed by an independent Python
 * implementation written from that text alone (hashlib, int.from_bytes, x % n), not by this code.
 */
class DrawStreamTest {
  static final byte[] SEED = Hashes.sha256("pingyi draw test vector".getBytes(StandardCharsets.UTF_8));
  static final long N = (1L << 62) + 12345;

  @Test
  void wordsAreSha256InCounterModeReadAsBigEndianUnsigned64BitNumbers() {
    DrawStream stream = new DrawStream(SEED);
    assertEquals("17551073276463236331", Long.toUnsignedString(stream.word()));
    assertEquals("5553837049433935872", Long.toUnsignedString(stream.word()));
    assertEquals("12927097442704933976", Long.toUnsignedString(stream.word()));
  }

  @Test
  void uniformIntegersRejectTheBiasedLowWordsExactlyAsDocumented() {
    DrawStream stream = new DrawStream(SEED);
    for (int i = 0; i < 3; i++) {
      stream.word();
    }
    long[] got = new long[27];
    long[] sizes = {1, 2, 3, 10, 1000, N, 6};
    for (int i = 0; i < got.length; i++) {
      got[i] = stream.uniform(i < sizes.length ? sizes[i] : N);
    }
    assertArrayEquals(new long[] {0, 1, 1, 7, 302, 1688537529316348218L, 4, 1363342492634152534L, 2862944377692314653L,
        3528814675363333553L, 2595479113171156369L, 1546732862059435627L, 3579400571809963171L, 35569355437605478L,
        701534947319451920L, 2955040221388159262L, 4358549586893126140L, 284729819642985602L, 2184287909102586285L,
        1967948138570087910L, 706114108245592078L, 3525242073699465537L, 529446471559878832L, 3199612852399283802L,
        4130737108120998204L, 4435798305952611673L, 1686892331376001928L}, got);
    assertEquals(39, stream.wordsRead(), "nine words fell in the rejected range below 2^64 mod n");
  }

  @Test
  void aPartialFisherYatesSampleSwapsEachPlaceWithOneAtOrAfterIt() {
    DrawStream stream = new DrawStream(SEED);
    int[] a = CellPlan.identity(10);
    stream.sample(a, 4);
    assertArrayEquals(new int[] {1, 4, 2, 9, 0, 5, 6, 7, 8, 3}, a);
  }
}
