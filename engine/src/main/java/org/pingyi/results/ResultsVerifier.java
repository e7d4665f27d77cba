package org.pingyi.results;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingyi.CanonicalJson;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionException;
import org.pingyi.edition.EditionHash;
import org.pingyi.edition.EditionLoader;

/**
 * Checks a sealed session from files alone, no database: results.json's edition hash against the edition file, its
 * signature against the published keys (when given), then ballots.ndjson replayed line by line through the hash chain
 * and the formula and compared with results.json. Whatever the files hold, the answer is a verdict: the first
 * difference (with its line or department), never an exception.
 */
public final class ResultsVerifier {
  public record Verdict(boolean verified, String message) {}

  static final Set<String> DOCUMENT_MEMBERS = Set.of("sessionId", "state", "sealedAt", "ballots", "chainRoot",
      "editionSha256", "results", "keyId", "signature");
  static final int MAX_MESSAGE = 300;
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VOTER = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern BALLOT_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private ResultsVerifier() {}

  /** Without keys the signature is not checked (and the verdict says so). */
  public static Verdict verify(Path ballots, Path edition, Path results, Optional<Path> keys) {
    try {
      return new Verdict(true, check(ballots, edition, results, keys));
    } catch (VerifyRefusal refusal) {
      return new Verdict(false, oneLine(refusal.getMessage()));
    } catch (IOException e) {
      return new Verdict(false, oneLine("cannot read the files: " + e.getMessage()));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Verdict(false, "the files are not a session's export and results (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A verdict is one printable line of bounded length, whatever the files put into it. */
  static String oneLine(String message) {
    String flat = String.valueOf(message).replaceAll("\\p{Cntrl}", " ");
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
  }

  private static String check(Path ballotsFile, Path editionFile, Path resultsFile, Optional<Path> keysFile) throws IOException {
    VerifierFiles.requireFile(editionFile, "the edition file");
    Edition edition;
    String editionSha256;
    try {
      edition = EditionLoader.load(editionFile);
      editionSha256 = EditionHash.sha256(editionFile);
    } catch (EditionException e) {
      throw VerifyRefusal.of("the edition file is not acceptable: " + e.getMessage());
    }
    JsonObject document = document(VerifierFiles.text(resultsFile, "results.json"));
    if (!editionSha256.equals(document.getValue("editionSha256"))) {
      throw VerifyRefusal.of("results.json's editionSha256 " + document.getValue("editionSha256") + " is not the edition file's "
          + editionSha256 + " (another edition, or one changed since the seal)");
    }
    String signedBy = null;
    if (keysFile.isPresent()) {
      JWKSet keys = SignatureCheck.keys(VerifierFiles.text(keysFile.get(), "the keys file"));
      signedBy = SignatureCheck.check(document, keys);
    }
    String sessionId = document.getString("sessionId");
    Edition.Session session = edition.session(sessionId)
        .orElseThrow(() -> VerifyRefusal.of("results.json names session '" + sessionId + "', which is not in the edition"));
    SessionCount count = replay(ballotsFile, edition, session);
    if (!FigureCheck.sameLong(count.ballots(), document.getValue("ballots"))) {
      throw VerifyRefusal.of("ballots.ndjson holds " + count.ballots() + " ballots, results.json says " + document.getValue("ballots"));
    }
    if (!count.chainRoot().equals(document.getString("chainRoot"))) {
      throw VerifyRefusal.of("chain root " + count.chainRoot() + " differs from results.json's " + document.getString("chainRoot"));
    }
    FigureCheck.compare(count.results(), document.getJsonArray("results"), edition.minCellSize());
    return "verified: " + count.ballots() + " ballots of " + sessionId + ", chain root " + count.chainRoot()
        + ", edition " + editionSha256.substring(0, 12) + "…, "
        + (signedBy == null ? "signature NOT checked (pass --keys with the published JWKS)" : "signed by key " + signedBy);
  }

  /** results.json parsed, with exactly API.md's members, each of its type. */
  private static JsonObject document(String text) {
    try {
      CanonicalJson.of(text);
    } catch (IllegalArgumentException e) {
      throw VerifyRefusal.of("results.json is not JSON (" + e.getCause().getMessage() + ")");
    }
    JsonObject document;
    try {
      document = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw VerifyRefusal.of("results.json is not a JSON object");
    }
    if (!document.fieldNames().equals(DOCUMENT_MEMBERS)) {
      throw VerifyRefusal.of("results.json must have exactly the members " + DOCUMENT_MEMBERS);
    }
    if (!(document.getValue("sessionId") instanceof String) || !(document.getValue("chainRoot") instanceof String)
        || !(document.getValue("results") instanceof JsonArray) || !(document.getValue("ballots") instanceof Number)
        || !(document.getValue("state") instanceof String state) || !Set.of("sealed", "published").contains(state)
        || !(document.getValue("sealedAt") instanceof String)) {
      throw VerifyRefusal.of("results.json: sessionId, state (sealed or published), sealedAt, chainRoot must be strings, "
          + "ballots a number, results an array");
    }
    return document;
  }

  /** Every line of the export through the checks, the chain and the counters. */
  private static SessionCount replay(Path file, Edition edition, Edition.Session session) throws IOException {
    Set<String> departments = new HashSet<>();
    edition.departmentsOf(session).forEach(d -> departments.add(d.code()));
    Set<String> grades = new HashSet<>();
    edition.grades().forEach(g -> grades.add(g.code()));
    Set<String> classes = new HashSet<>();
    edition.weightClasses().forEach(k -> classes.add(k.code()));
    SessionCount count = new SessionCount(edition, session);
    Set<String> voters = new HashSet<>();
    Set<String> receipts = new HashSet<>();
    long lastBallotId = 0;
    try (VerifierFiles.Lines lines = new VerifierFiles.Lines(file, "ballots.ndjson")) {
      String text;
      while ((text = lines.next()) != null) {
        long n = lines.number();
        String where = "ballots.ndjson line " + n + ": ";
        JsonObject line;
        CanonicalBallot ballot;
        try {
          line = new JsonObject(text);
          ballot = CanonicalBallot.fromExport(line);
        } catch (DecodeException | ClassCastException e) {
          throw VerifyRefusal.of(where + "not a JSON object");
        } catch (IllegalArgumentException e) {
          throw VerifyRefusal.of(where + "not a ballot line (" + e.getMessage() + ")");
        }
        if (!text.equals(ballot.exportLine(line.getString("hash")))) {
          throw VerifyRefusal.of(where + "not in the export's canonical form (member order, spacing, escapes)");
        }
        if (ballot.seq() != n) {
          throw VerifyRefusal.of(where + "seq is " + ballot.seq() + ", expected " + n + " (a line was dropped, added or moved)");
        }
        if (!BALLOT_ID.matcher(ballot.ballotId()).matches() || Long.parseLong(ballot.ballotId()) <= lastBallotId) {
          throw VerifyRefusal.of(where + "ballot ids must be positive and rising");
        }
        lastBallotId = Long.parseLong(ballot.ballotId());
        if (!session.id().equals(ballot.sessionId())) {
          throw VerifyRefusal.of(where + "belongs to session " + ballot.sessionId());
        }
        if (!VOTER.matcher(ballot.voter()).matches() || !voters.add(ballot.voter())) {
          throw VerifyRefusal.of(where + "voter must be a 32-hex pseudonym, once per session");
        }
        if (!HEX64.matcher(ballot.receiptHash()).matches() || !receipts.add(ballot.receiptHash())) {
          throw VerifyRefusal.of(where + "receiptHash must be a SHA-256 (hex), once per session");
        }
        if (!classes.contains(ballot.weightClass()) || edition.district(ballot.district()).isEmpty()) {
          throw VerifyRefusal.of(where + "unknown weight class or district");
        }
        requireInstant(where, ballot.submittedAt());
        if (!ballot.scores().keySet().equals(departments) || !grades.containsAll(ballot.scores().values())) {
          throw VerifyRefusal.of(where + "scores do not grade every department of the group with a known grade");
        }
        if (!count.add(ballot).equals(line.getString("hash"))) {
          throw VerifyRefusal.of(where + "chain hash does not match (this line or one before it was changed)");
        }
      }
    }
    return count;
  }

  private static void requireInstant(String where, String text) {
    try {
      Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw VerifyRefusal.of(where + "submittedAt is not an RFC 3339 UTC time");
    }
  }
}
