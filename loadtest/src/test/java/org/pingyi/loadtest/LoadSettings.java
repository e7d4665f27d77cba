package org.pingyi.loadtest;

import java.nio.file.Path;

/** Sizes, rates and the target, all system properties (see the README), read once per run. */
public record LoadSettings(String baseUrl, Path keys, Path roster, String session, String closedSession, int representatives,
    int loginSeconds, int submitSeconds, double retryShare, double doubleShare, double slowShare, int soakMinutes,
    int ceilingPerSecond, int ceilingSeconds, boolean shareConnections) {

  public static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        System.getProperty("pingyi.url", "http://localhost:8080"),
        Path.of(System.getProperty("pingyi.keys", "loadtest/target/keys")),
        Path.of(System.getProperty("pingyi.roster", "config/roster/demo-roster.csv")),
        System.getProperty("pingyi.session", "econ1-2024"),
        System.getProperty("pingyi.closedSession", "econ2-2024"),
        Integer.getInteger("pingyi.representatives", 3000),
        Integer.getInteger("pingyi.loginSeconds", 60),
        Integer.getInteger("pingyi.submitSeconds", 5),
        Double.parseDouble(System.getProperty("pingyi.retryShare", "0.05")),
        Double.parseDouble(System.getProperty("pingyi.doubleShare", "0.02")),
        Double.parseDouble(System.getProperty("pingyi.slowShare", "0.05")),
        Integer.getInteger("pingyi.soakMinutes", 30),
        Integer.getInteger("pingyi.ceilingPerSecond", 3000),
        Integer.getInteger("pingyi.ceilingSeconds", 60),
        Boolean.getBoolean("pingyi.shareConnections"));
  }
}
