package org.pingyi.ballot;

import java.util.Map;

/** A committed ballot as the live tally needs it: who counts in which class and district, and the grades. */
public record StoredBallot(long id, String sessionId, String representativeId, String weightClass, String district,
    Map<String, String> scores) {}
