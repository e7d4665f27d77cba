package org.pingyi.loadtest;

/**
 * The whole roster submits at once: everybody signs in during pingyi.loginSeconds and waits; when the last report
 * ends all ballots go in the same instant (pingyi.submitSeconds is taken as 0 unless set).
 */
public class Spike extends BroadcastNight {
  static {
    if (System.getProperty("pingyi.submitSeconds") == null) {
      System.setProperty("pingyi.submitSeconds", "0");
    }
    if (System.getProperty("pingyi.slowShare") == null) {
      System.setProperty("pingyi.slowShare", "0");
    }
  }
}
