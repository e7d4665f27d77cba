package org.pingyi.results;

/** A grade as the formula sees it: its points and whether it counts as satisfied. */
public record GradeDef(String code, int points, boolean countsAsSatisfied) {}
