package org.pingyi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingyi.session.SessionState;
import org.pingyi.suggestion.SuggestionFigures;

/**
 * What the edition report shows, as read from PostgreSQL: sealed figures only (never the live counters), with every
 * breakdown's small cells already suppressed where they were sealed or read. Both writers (xlsx, html) take this.
 *
 * @param editionSha256 the hash of the edition as this engine loaded it (each sealed session carries the one it was
 *     sealed under)
 * @param sessions in the edition's order, one per group
 */
public record EditionReport(String editionId, String editionName, String editionSha256, int minCellSize,
    Instant generatedAt, List<SessionPart> sessions, Survey survey, SuggestionFigures suggestions) {

  /** Public from here on: every session is published. */
  public boolean allPublished() {
    return sessions.stream().allMatch(s -> s.state() == SessionState.published);
  }

  /** One session and its group; {@code sealed} and {@code turnout} are null until the session is sealed. */
  public record SessionPart(String id, String groupCode, String groupName, SessionState state, Sealed sealed,
      Turnout turnout) {}

  /**
   * The sealed results document's figures and what binds them: the chain root, the edition hash, and the key ids of
   * the signature made at seal and (once published) at publication.
   */
  public record Sealed(Instant sealedAt, long ballots, String chainRoot, String editionSha256, List<Ranked> ranking,
      String sealKeyId, String publishKeyId) {}

  /** A department's final figures; score, rawMean and satisfactionRate are null when nobody scored it. */
  public record Ranked(int rank, String code, String name, BigDecimal score, BigDecimal rawMean,
      BigDecimal satisfactionRate, long votes, Map<String, Long> grades, Map<String, ClassMean> byWeightClass) {}

  /** A weight class's mean (null without votes) and votes, or a small cell shown as suppressed. */
  public record ClassMean(BigDecimal mean, long votes, boolean suppressed) {}

  /** A sealed session's turnout: totals and per district in the edition's order. */
  public record Turnout(long eligible, long voted, BigDecimal ratio, List<DistrictTurnout> byDistrict) {}

  /** A district's figures, or a small cell: suppressed, eligible and voted then mean nothing. */
  public record DistrictTurnout(String code, String label, long eligible, long voted, boolean suppressed) {
    /** voted / eligible to four decimals, half up, as the session's ratio (null when nobody was eligible). */
    public BigDecimal ratio() {
      return suppressed || eligible == 0 ? null
          : BigDecimal.valueOf(voted).divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP);
    }
  }

  /** The questionnaire over the sealed sessions' ballots. */
  public record Survey(long respondents, List<Question> questions) {}

  /** One question: count per option (scale: per point 1..5; none for text), the scale's mean (else null). */
  public record Question(String id, String area, String kind, String text, long answered, List<OptionCount> counts,
      BigDecimal mean) {}

  public record OptionCount(String code, String label, long count) {}
}
