package org.pingyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingyi.CanonicalJson;
import org.pingyi.results.SealedExportFiles;
import org.pingyi.support.TestEngine;

/**
 * {@code verify} fed thousands of mutated exports (deterministic seeds): bytes flipped, files cut, lines dropped,
 * doubled or swapped, bytes that are not UTF-8, numbers huge or of the wrong type, members removed or doubled, files
 * missing. Each run answers one verdict line with exit 0 or 1, never a crash; and "verified" only when what the
 * signature covers and every ballot line are as sealed.
 */
class VerifyFuzzTest {
  static final int CASES = 2000;
  @TempDir Path dir;

  @Test
  void everyMutatedExportGetsAVerdictAndOnlyAnIntactOneIsVerified() throws Exception {
    SealedExportFiles sealed = SealedExportFiles.make(dir.resolve("sealed"), 30, 11);
    byte[] ballots = Files.readAllBytes(sealed.ballots());
    byte[] results = Files.readAllBytes(sealed.results());
    byte[] keys = Files.readAllBytes(sealed.keys());
    String signedContent = signedContent(new String(results, StandardCharsets.UTF_8));
    Path b = dir.resolve("b.ndjson");
    Path r = dir.resolve("r.json");
    Path k = dir.resolve("k.json");
    int verified = 0;
    int[] exits = new int[3];
    PrintStream stdout = System.out;
    try {
      for (int seed = 0; seed < CASES; seed++) {
        Random random = new Random(seed);
        byte[] mb = ballots;
        byte[] mr = results;
        byte[] mk = keys;
        switch (random.nextInt(7)) {
          case 0, 1, 2 -> mb = mutate(ballots, random, true);
          case 3, 4 -> mr = mutate(results, random, false);
          case 5 -> mk = mutate(keys, random, false);
          default -> {
            mb = mutate(ballots, random, true);
            mr = mutate(results, random, false);
          }
        }
        Files.write(b, mb);
        Files.write(r, mr);
        Files.write(k, mk);
        List<String> args = new ArrayList<>(List.of("verify", "--ballots", b.toString(), "--results", r.toString(),
            "--edition", TestEngine.EDITION.toString(), "--keys", k.toString()));
        if (random.nextInt(20) == 0) {
          Files.delete(List.of(b, r, k).get(random.nextInt(3)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit = PingyiCli.execute(args.toArray(String[]::new));
        System.setOut(stdout);
        String answer = out.toString(StandardCharsets.UTF_8);
        String where = "seed " + seed + ": ";
        assertTrue(exit == 0 || exit == 1, where + "exit " + exit + " " + answer);
        assertEquals(1, answer.lines().count(), where + answer);
        assertTrue(answer.startsWith(exit == 0 ? "verified: " : "NOT VERIFIED: "), where + answer);
        exits[exit]++;
        if (exit == 0) {
          verified++;
          assertTrue(Arrays.equals(ballots, mb), where + "verified with a changed ballots.ndjson");
          assertEquals(signedContent, signedContent(new String(mr, StandardCharsets.UTF_8)), where + "verified a changed results.json");
        }
      }
    } finally {
      System.setOut(stdout);
    }
    System.out.printf("verify fuzz: %d cases, %d NOT VERIFIED, %d verified (mutations that left the signed content intact)%n",
        CASES, exits[1], verified);
    assertTrue(exits[1] > CASES * 0.9, "nearly every mutation is caught: " + exits[1]);
  }

  /** What the signature covers: results.json without keyId and signature, canonical. */
  private static String signedContent(String results) {
    JsonObject doc = new JsonObject(results);
    doc.remove("signature");
    doc.remove("keyId");
    return CanonicalJson.of(doc.encode());
  }

  static byte[] mutate(byte[] original, Random random, boolean lines) {
    byte[] bytes = original.clone();
    String text = new String(original, StandardCharsets.UTF_8);
    switch (random.nextInt(lines ? 12 : 9)) {
      case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 2 -> {
        int at = random.nextInt(bytes.length);
        byte[] junk = {(byte) 0xFF, (byte) 0xC3, (byte) 0x28, 0, '\n', '"', '{', '}', ',', '9'};
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = junk[random.nextInt(junk.length)];
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        bytes = out;
      }
      case 3 -> bytes = replaceNumber(text, random, List.of("1e999", "-1", "0.5", "99999999999999999999999999", "\"7\"", "null",
          "1E2", "-0", "[]", "{}", "true", "12345678901234567890123456789012345678901234567890")).getBytes(StandardCharsets.UTF_8);
      case 4 -> bytes = replaceString(text, random, List.of("1", "null", "[]", "{}", "\"\"", "\"x\"", "\"\\u0000\"",
          "\"" + "a".repeat(70_000) + "\"")).getBytes(StandardCharsets.UTF_8);
      case 5 -> bytes = doubleMember(text, random).getBytes(StandardCharsets.UTF_8);
      case 6 -> bytes = new byte[0];
      case 7 -> bytes = text.replaceFirst("\"[a-zA-Z]+\":", "\"zz\":").getBytes(StandardCharsets.UTF_8);
      case 8 -> bytes = ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
      default -> {
        List<String> all = new ArrayList<>(text.lines().toList());
        int i = random.nextInt(all.size());
        int j = random.nextInt(all.size());
        switch (random.nextInt(3)) {
          case 0 -> all.remove(i);
          case 1 -> all.add(j, all.get(i));
          default -> {
            String t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
          }
        }
        bytes = (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8);
      }
    }
    return bytes;
  }

  private static String replaceNumber(String text, Random random, List<String> with) {
    var m = java.util.regex.Pattern.compile("(?<=[:\\[,])-?[0-9][0-9.eE+-]*").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return text + "1";
    }
    int[] s = spans.get(random.nextInt(spans.size()));
    return text.substring(0, s[0]) + with.get(random.nextInt(with.size())) + text.substring(s[1]);
  }

  private static String replaceString(String text, Random random, List<String> with) {
    var m = java.util.regex.Pattern.compile("(?<=:)\"[^\"]*\"").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return "\"" + text;
    }
    int[] s = spans.get(random.nextInt(spans.size()));
    return text.substring(0, s[0]) + with.get(random.nextInt(with.size())) + text.substring(s[1]);
  }

  private static String doubleMember(String text, Random random) {
    var m = java.util.regex.Pattern.compile("\"[a-zA-Z0-9_]+\":(\"[^\"]*\"|[0-9.]+)").matcher(text);
    List<String> members = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    while (m.find()) {
      members.add(m.group());
      ends.add(m.end());
    }
    if (members.isEmpty()) {
      return text + text;
    }
    int i = random.nextInt(members.size());
    return text.substring(0, ends.get(i)) + "," + members.get(i) + text.substring(ends.get(i));
  }
}
