package org.pingyi.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The rehearsal's edition: the real edition's groups, departments, grades, weights, quotas and sessions, so the office
 * practises the very evening it will run, under an id and name that no document of it can be mistaken for the real
 * one's ({@code <id>-rehearsal}, "演练 · <name>"), and with every session opened and closed by hand.
 */
final class RehearsalEdition {
  static final String ID_SUFFIX = "-rehearsal";
  static final String NAME_PREFIX = "演练 · ";

  private RehearsalEdition() {}

  /** Blocking. Reads the real edition file and writes the rehearsal's. */
  static void write(Path real, Path rehearsal) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode root = yaml.readTree(real.toFile());
    if (!(root instanceof ObjectNode edition) || !root.path("id").isTextual()) {
      throw new IOException(real + " is not an edition file");
    }
    edition.put("id", edition.get("id").asText() + ID_SUFFIX);
    edition.put("name", NAME_PREFIX + edition.path("name").asText());
    for (JsonNode session : edition.path("sessions")) {
      if (session instanceof ObjectNode s) {
        s.remove("schedule");
      }
    }
    yaml.writeValue(rehearsal.toFile(), edition);
  }
}
