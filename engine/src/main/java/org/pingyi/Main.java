package org.pingyi;

import org.pingyi.cli.ExitCodes;
import org.pingyi.cli.Logs;
import org.pingyi.cli.PingyiCli;

/** {@code java -jar pingyi-engine.jar [serve | roster … | verify …]}: see {@link PingyiCli}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = PingyiCli.execute(args);
    Logs.flush();
    if (status != ExitCodes.OK) {
      System.exit(status);
    }
  }
}
