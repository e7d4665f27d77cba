package org.pingyi.draw;

import java.math.BigInteger;

/** An exact probability, always reduced; written {@code "num/den"} (e.g. "0/1", "3/17", "1/1") in the transcript. */
public record Fraction(BigInteger num, BigInteger den) implements Comparable<Fraction> {
  public static final Fraction ZERO = of(0, 1);
  public static final Fraction ONE = of(1, 1);

  public Fraction {
    if (den.signum() <= 0) {
      throw new IllegalArgumentException("a fraction needs a positive denominator");
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    if (num.signum() == 0) {
      den = BigInteger.ONE;
    }
  }

  public static Fraction of(long num, long den) {
    return new Fraction(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  public static Fraction parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 1) {
      throw new IllegalArgumentException("not a fraction: " + text);
    }
    return new Fraction(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
  }

  public Fraction times(Fraction o) {
    return new Fraction(num.multiply(o.num), den.multiply(o.den));
  }

  public Fraction plus(Fraction o) {
    return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Fraction oneMinus() {
    return new Fraction(den.subtract(num), den);
  }

  public double toDouble() {
    return num.doubleValue() / den.doubleValue();
  }

  @Override
  public int compareTo(Fraction o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public String toString() {
    return num + "/" + den;
  }
}
