package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

/** verify-draw re-runs the draw: the untouched files verify; one changed field anywhere is named. */
class VerifyDrawTest {
  static Edition edition;
  static byte[] pool;
  static byte[] transcript;

  @BeforeAll
  static void draw() {
    edition = TestPools.qingdao();
    pool = TestPools.synthetic(edition, 8_000, 2025, 3);
    transcript = TestPools.draw(pool, edition, 2025, "lottery 2024-12-01").transcript();
  }

  static DrawVerifier.Verdict verify(byte[] pool, Edition edition, byte[] transcript) throws Exception {
    return DrawVerifier.verify(() -> new ByteArrayInputStream(pool), edition, transcript);
  }

  static byte[] edited(Consumer<JsonObject> change) {
    JsonObject t = new JsonObject(new String(transcript, StandardCharsets.UTF_8));
    change.accept(t);
    return t.encode().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theUntouchedPoolAndTranscriptVerify() throws Exception {
    var verdict = verify(pool, edition, transcript);
    assertTrue(verdict.verified(), verdict.message());
    assertTrue(verdict.message().startsWith("verified: 3000 active and 165 alternates drawn from 8000 people"), verdict.message());
  }

  @Test
  void aTranscriptReformattedButUnchangedStillVerifies() throws Exception {
    var verdict = verify(pool, edition, edited(t -> { }));
    assertTrue(verdict.verified(), verdict.message());
    assertTrue(verdict.message().contains("formatted differently"), verdict.message());
  }

  @Test
  void aPoolWithOnePhoneChangedIsNotThePoolDrawnFrom() throws Exception {
    String text = new String(pool, StandardCharsets.UTF_8);
    byte[] changed = text.replaceFirst(",10000000042,", ",10000000043,").getBytes(StandardCharsets.UTF_8);
    var verdict = verify(changed, edition, transcript);
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("inputs.poolSha256: "), verdict.message());
    assertFalse(verdict.message().contains("10000000043"), "no personal data in the answer");
  }

  @Test
  void aTranscriptWithOneFieldChangedIsNamedAtThatField() throws Exception {
    var seats = verify(pool, edition, edited(t -> t.getJsonArray("cells").getJsonObject(17).put("seats", 61)));
    assertEquals(false, seats.verified());
    assertEquals("cells[17].seats: the transcript has 61, the re-run gives 60", seats.message());

    var probability = verify(pool, edition, edited(t -> t.getJsonArray("cells").getJsonObject(40)
        .getJsonObject("probabilities").getJsonObject("new").put("active", "1/2")));
    assertFalse(probability.verified());
    assertTrue(probability.message().startsWith("cells[40].probabilities.new.active: the transcript has \"1/2\""), probability.message());

    var swapped = verify(pool, edition, edited(t -> {
      var drawn = t.getJsonArray("cells").getJsonObject(12).getJsonObject("drawn").getJsonArray("new");
      Object first = drawn.getValue(0);
      drawn.set(0, drawn.getValue(1));
      drawn.set(1, first);
    }));
    assertFalse(swapped.verified());
    assertTrue(swapped.message().startsWith("cells[12].drawn.new[0]: "), swapped.message());
  }

  @Test
  void anotherSeedWrittenIntoTheTranscriptDoesNotReproduceIt() throws Exception {
    var verdict = verify(pool, edition, edited(t -> t.put("seed", "lottery 2024-12-02")));
    assertFalse(verdict.verified());
    assertTrue(verdict.message().startsWith("inputs.generatorSeed: "), verdict.message());
  }

  @Test
  void anEditionWithOneQuotaChangedIsNamedByItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("edition.yaml");
    Files.writeString(file, Files.readString(TestEngine.EDITION).replace("quota: 20,  selection: city", "quota: 21,  selection: city"));
    var verdict = verify(pool, EditionLoader.load(file), transcript);
    assertFalse(verdict.verified());
    assertEquals("inputs.quotas: line 12: the transcript has 'category review_expert city 20', the edition gives "
        + "'category review_expert city 21'", verdict.message());
  }

  @Test
  void whateverTheTranscriptHoldsTheAnswerIsAVerdict() throws Exception {
    for (String garbage : new String[] {"", "not json", "[1,2]", "{\"format\":\"pingyi-draw-transcript-v1\"}",
        "{\"format\":\"pingyi-draw-transcript-v1\",\"algorithm\":\"pingyi-draw-v1\",\"year\":2025,\"seed\":\" x\",\"seedSource\":null}"}) {
      var verdict = verify(pool, edition, garbage.getBytes(StandardCharsets.UTF_8));
      assertFalse(verdict.verified(), garbage);
      assertFalse(verdict.message().isBlank());
    }
  }
}
