package org.pingyi.cli;

/**
 * What the command line's exit status means, for scripts and for the README: 0 done, 1 a check answered "no"
 * (NOT VERIFIED, a draw that differs), 2 the command could not be carried out as given (a usage error, a
 * configuration or edition the engine refuses, an infeasible draw), 70 an unexpected failure inside.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int REFUSED = 2;
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
