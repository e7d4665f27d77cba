package org.pingyi.edition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.pingyi.CanonicalJson;
import org.pingyi.Hashes;

/**
 * {@code editionSha256} of the results: SHA-256 (hex) of the RFC 8785 canonical JSON of the edition file as loaded
 * (its YAML read as a JSON tree), so grades, points, weights and groups are bound into what is signed; comments,
 * key order and layout of the file do not matter.
 */
public final class EditionHash {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private EditionHash() {}

  public static String sha256(Path file) {
    try {
      return Hashes.sha256Hex(canonicalJson(file));
    } catch (IOException e) {
      throw new EditionException(file + ": cannot read: " + e.getMessage());
    }
  }

  public static String canonicalJson(Path file) throws IOException {
    return CanonicalJson.of(JSON.writeValueAsString(YAML.readTree(file.toFile())));
  }
}
