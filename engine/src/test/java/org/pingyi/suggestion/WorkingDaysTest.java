package org.pingyi.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.pingyi.edition.EditionLoader;
import org.pingyi.support.TestEngine;

/** The 2024 edition's calendar: the State Council's 2024 and 2025 holidays and adjusted working weekends. */
class WorkingDaysTest {
  static final WorkingDays CALENDAR = WorkingDays.of(EditionLoader.load(TestEngine.EDITION));

  static Instant qingdao(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  @Test
  void weekendsAndHolidaysAreOffAndAdjustedWeekendsAreWorkingDays() {
    assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2024-09-13")), "a Friday");
    assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2024-09-14")), "Saturday 9月14日 is 调休上班");
    assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2024-09-16")), "Monday 9月16日 is 中秋节");
    assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2024-09-21")), "an ordinary Saturday");
    assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2024-09-29")), "Sunday 9月29日 is 调休上班");
    assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2024-10-07")), "国庆节");
    assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-28")), "2025 春节 starts on 除夕");
    assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-26")), "Sunday 2025-01-26 is 调休上班");
    assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-08")), "2025 国庆节、中秋节 run to 10月8日");
    assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-11")), "Saturday 2025-10-11 is 调休上班");
  }

  @Test
  void aDeadlineCountsWorkingDaysFromTheNextDayAndEndsAtLocalMidnight() {
    // Friday 13 September: Sat 14 is a working day (1); Sun 15 to Tue 17 中秋节; Wed 18 (2).
    assertEquals(qingdao("2024-09-15T00:00"), CALENDAR.dueAfter(qingdao("2024-09-13T10:00"), 1));
    assertEquals(qingdao("2024-09-19T00:00"), CALENDAR.dueAfter(qingdao("2024-09-13T10:00"), 2));
    // 13 working days from that Friday: 14, 18, 19, 20, 23, 24, 25, 26, 27, Sun 29, 30, then 国庆节, Oct 8, 9.
    assertEquals(qingdao("2024-10-10T00:00"), CALENDAR.dueAfter(qingdao("2024-09-13T23:30"), 13));
    // An ordinary weekend: Friday 2024-11-22 + 1 is Monday 25.
    assertEquals(qingdao("2024-11-26T00:00"), CALENDAR.dueAfter(qingdao("2024-11-22T09:00"), 1));
  }

  @Test
  void urgingStartsOnTheMorningOfTheLastWorkingDaysBeforeTheDeadline() {
    Instant due = qingdao("2024-10-10T00:00");
    assertEquals(qingdao("2024-10-09T00:00"), CALENDAR.urgeAt(due, 1));
    // Two working days before: Oct 8 (the first day after 国庆节).
    assertEquals(qingdao("2024-10-08T00:00"), CALENDAR.urgeAt(due, 2));
    // Three: back over the holiday to Monday 30 September.
    assertEquals(qingdao("2024-09-30T00:00"), CALENDAR.urgeAt(due, 3));
    assertNull(CALENDAR.urgeAt(due, 0), "0 means no urging");
  }

  @Test
  void theDailyQuotaTurnsAtLocalMidnight() {
    assertEquals(qingdao("2024-12-18T00:00"), CALENDAR.nextMidnight(qingdao("2024-12-17T23:59")));
    assertEquals(LocalDate.parse("2024-12-18"), CALENDAR.day(Instant.parse("2024-12-17T16:00:00Z")));
  }
}
