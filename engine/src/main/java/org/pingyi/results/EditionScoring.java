package org.pingyi.results;

import java.util.List;
import org.pingyi.edition.Edition;

/** The edition's grades and weight classes in the formula's terms. */
public final class EditionScoring {
  private EditionScoring() {}

  public static List<GradeDef> grades(Edition edition) {
    return edition.grades().stream().map(g -> new GradeDef(g.code(), g.points(), g.countsAsSatisfied())).toList();
  }

  public static List<WeightClassDef> weightClasses(Edition edition) {
    return edition.weightClasses().stream().map(w -> new WeightClassDef(w.code(), w.weight())).toList();
  }
}
