package org.pingyi.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Editions for tests: the 2024 edition with a few of its lines changed, written to a temporary file. */
public final class TestEditions {
  private TestEditions() {}

  /** The 2024 edition with the named sessions on the automatic schedule. */
  public static Path withAutomatic(String... sessionIds) throws Exception {
    String yaml = Files.readString(TestEngine.EDITION);
    for (String id : sessionIds) {
      String marker = "{ id: " + id + ",";
      int at = yaml.indexOf(marker);
      if (at < 0) {
        throw new IllegalArgumentException("no session " + id + " in the edition");
      }
      yaml = yaml.substring(0, at) + "{ schedule: automatic, id: " + id + "," + yaml.substring(at + marker.length());
    }
    return write(yaml);
  }

  /** The 2024 edition with one text replaced (which must be there). */
  public static Path replacing(String text, String with) throws Exception {
    String yaml = Files.readString(TestEngine.EDITION);
    if (!yaml.contains(text)) {
      throw new IllegalArgumentException("the edition has no '" + text + "'");
    }
    return write(yaml.replace(text, with));
  }

  private static Path write(String yaml) throws Exception {
    Path file = Files.createTempFile("pingyi-edition", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(file, yaml);
    return file;
  }
}
