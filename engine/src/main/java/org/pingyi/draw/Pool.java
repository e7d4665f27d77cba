package org.pingyi.draw;

import java.security.MessageDigest;

/**
 * A checked pool, held compactly (one array per column, no names, phones or subjects: those are read again from the
 * file for the few people drawn). Person i is the pool file's i-th data row.
 */
final class Pool {
  final int size;
  final String[] ids;
  /** Index into the edition's categories. */
  final short[] category;
  /** Index into the edition's districts. */
  final byte[] district;
  final byte[] source;
  final byte[] standing;
  /** Where each person's record starts in the file, in characters: the drawn rows are read again from there. */
  final long[] position;
  final byte[] sha256;
  /** Has read the pseudonym key's prefix and the whole file; the generator seed completes it (docs/draw.md §12). */
  private final MessageDigest pseudonymKey;

  Pool(int size, String[] ids, short[] category, byte[] district, byte[] source, byte[] standing, long[] position,
      byte[] sha256, MessageDigest pseudonymKey) {
    this.size = size;
    this.ids = ids;
    this.category = category;
    this.district = district;
    this.source = source;
    this.standing = standing;
    this.position = position;
    this.sha256 = sha256;
    this.pseudonymKey = pseudonymKey;
  }

  Standing standing(int person) {
    return Standing.values()[standing[person]];
  }

  Source source(int person) {
    return Source.values()[source[person]];
  }

  byte[] pseudonymKey(byte[] generatorSeed) {
    try {
      MessageDigest key = (MessageDigest) pseudonymKey.clone();
      key.update(generatorSeed);
      return key.digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
  }
}
