package org.pingyi.draw;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.pingyi.Hashes;

/**
 * The draw's deterministic random numbers: SHA-256 in counter mode over the 32-byte generator seed
 * ({@code block(j) = SHA-256(G ‖ uint64be(j))}, j = 0, 1, …), read as big-endian unsigned 64-bit words. Integers are
 * drawn by rejection (no modulo bias), so any language with SHA-256 re-implements it from docs/draw.md.
 */
final class DrawStream {
  private final byte[] seed;
  private final MessageDigest sha256 = Hashes.sha256Digest();
  private final ByteBuffer block = ByteBuffer.allocate(32);
  private long counter;
  private long words;

  DrawStream(byte[] generatorSeed) {
    if (generatorSeed.length != 32) {
      throw new IllegalArgumentException("the generator seed is 32 bytes");
    }
    this.seed = generatorSeed.clone();
    block.position(block.limit());
  }

  /** The next 64 bits of the stream, as an unsigned number held in a long. */
  long word() {
    if (!block.hasRemaining()) {
      sha256.update(seed);
      sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
      block.clear();
      block.put(sha256.digest()).flip();
    }
    words++;
    return block.getLong();
  }

  /** Uniform in [0, n), n ≥ 1: words below 2^64 mod n are rejected, the rest taken mod n. */
  long uniform(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("uniform needs n ≥ 1");
    }
    long reject = Long.remainderUnsigned(-n, n);
    long x;
    do {
      x = word();
    } while (Long.compareUnsigned(x, reject) < 0);
    return Long.remainderUnsigned(x, n);
  }

  /** True with probability a/b exactly (0 ≤ a ≤ b, b ≥ 1): {@code uniform(b) < a}. */
  boolean chance(long a, long b) {
    return uniform(b) < a;
  }

  /**
   * Partial Fisher–Yates: for i = 0 … k−1, swap {@code a[i]} with {@code a[i + uniform(n − i)]}. Afterwards
   * {@code a[0..k)} is a uniformly random ordered sample (in draw order) and {@code a[k..n)} the rest.
   */
  void sample(int[] a, int k) {
    if (k < 0 || k > a.length) {
      throw new IllegalArgumentException("cannot draw " + k + " of " + a.length);
    }
    for (int i = 0; i < k; i++) {
      int j = i + (int) uniform(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** How many 64-bit words the draw has read (for the transcript; a re-implementation must read as many). */
  long wordsRead() {
    return words;
  }
}
