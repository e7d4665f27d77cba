package org.pingyi.results;

import org.pingyi.Hashes;

/**
 * The hash chain over a session's ballots in ballot-id order: h0 = SHA-256("pingyi-ballot-chain-v1\n" + sessionId),
 * h(i) = SHA-256(h(i-1) + "\n" + canonical ballot i), all as lowercase hex of UTF-8 text. The root is the last
 * hash (h0 for a session without ballots). Changing, dropping, reordering or adding a ballot changes the root.
 */
public final class BallotChain {
  private String current;
  private long length;

  public BallotChain(String sessionId) {
    current = Hashes.sha256Hex("pingyi-ballot-chain-v1\n" + sessionId);
  }

  /** Adds the next ballot; answers its chain hash. */
  public String add(CanonicalBallot ballot) {
    current = Hashes.sha256Hex(current + "\n" + ballot.encode());
    length++;
    return current;
  }

  public String root() {
    return current;
  }

  public long length() {
    return length;
  }
}
