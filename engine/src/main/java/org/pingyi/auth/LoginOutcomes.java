package org.pingyi.auth;

/** Where login outcomes are counted (metrics); the outcome is a short fixed word, never personal data. */
@FunctionalInterface
public interface LoginOutcomes {
  void record(String outcome);
}
