package org.pingyi.results;

import java.util.Map;

/** How many ballots gave each grade to one department, per weight class: {@code class → grade → count}. */
public record DepartmentTally(String code, Map<String, Map<String, Long>> counts) {}
