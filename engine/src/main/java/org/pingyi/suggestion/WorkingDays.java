package org.pingyi.suggestion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.pingyi.edition.Edition;

/**
 * The edition's working-day calendar in its time zone: Monday to Friday unless a holiday, and the weekend days the
 * State Council moves work to (调休上班日). Deadlines count whole working days from the day after the start, and
 * end at midnight (local) after the last one: assigned on a Friday with one working day to go, it is due at the end
 * of the next working day.
 */
public final class WorkingDays {
  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekends;

  WorkingDays(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
    this.zone = zone;
    this.holidays = Set.copyOf(holidays);
    this.workingWeekends = Set.copyOf(workingWeekends);
  }

  public static WorkingDays of(Edition edition) {
    Edition.Suggestions s = edition.suggestionsOrDefault();
    return new WorkingDays(edition.zone(), Set.copyOf(s.holidaysOrNone()), Set.copyOf(s.workingWeekendsOrNone()));
  }

  public boolean isWorkingDay(LocalDate day) {
    if (workingWeekends.contains(day)) {
      return true;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  public LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Midnight at the start of a day, local time. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The end of the {@code n}-th working day after the day of {@code from}. */
  public Instant dueAfter(Instant from, int n) {
    LocalDate day = day(from);
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return startOf(day.plusDays(1));
  }

  /**
   * When to urge a deadline: the start of the {@code daysBefore}-th last working day before {@code due} (1: the
   * morning of the last day), or null for no urging.
   */
  public Instant urgeAt(Instant due, int daysBefore) {
    if (daysBefore <= 0) {
      return null;
    }
    LocalDate day = day(due).minusDays(1);
    for (int counted = 1; counted < daysBefore; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return startOf(day);
  }

  /** The first midnight after {@code now}, local time: when a new day's quota begins. */
  public Instant nextMidnight(Instant now) {
    return startOf(day(now).plusDays(1));
  }
}
