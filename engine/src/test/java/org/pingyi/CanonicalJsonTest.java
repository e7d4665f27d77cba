package org.pingyi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The RFC 8785 canonicalisation the signatures rest on, against the RFC's own test vectors. */
class CanonicalJsonTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = CanonicalJsonTest.class.getResourceAsStream("/rfc8785/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theRfcSampleOfSection3Canonicalises() throws Exception {
    assertEquals(resource("sample-output.json"), CanonicalJson.of(resource("sample-input.json")));
  }

  @Test
  void membersAreSortedByUtf16CodeUnitsAsInSection323() throws Exception {
    assertEquals(resource("sorting-output.json"), CanonicalJson.of(resource("sorting-input.json")));
  }

  @Test
  void everyNumberOfAppendixBSerialisesAsTheRfcSays() throws Exception {
    int checked = 0;
    for (String line : resource("numbers.txt").lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ");
      double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(parts[0]));
      assertEquals("[" + parts[1] + "]", CanonicalJson.of("[" + value + "]"), parts[0]);
      checked++;
    }
    assertEquals(24, checked);
  }

  @Test
  void nanInfinityAndDuplicateMembersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of("[1e999]"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of("{\"a\":1,\"a\":2}"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of("{\"a\":1"));
  }
}
