package org.pingyi.results;

import java.math.BigDecimal;

/** A weight class as the formula sees it. */
public record WeightClassDef(String code, BigDecimal weight) {}
