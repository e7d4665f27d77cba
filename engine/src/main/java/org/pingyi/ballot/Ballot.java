package org.pingyi.ballot;

import java.util.SortedMap;

/**
 * A validated ballot of one representative for one session: a grade for every department of the group, optional
 * comments and survey answers, each part already in the JSON the ballots table stores. {@code bodyHash} identifies
 * the content, so a retry can be told from a new ballot.
 */
public record Ballot(
    String sessionId,
    String representativeId,
    SortedMap<String, String> scores,
    String scoresJson,
    String commentsJson,
    String surveyJson,
    String idempotencyKey,
    String bodyHash) {}
