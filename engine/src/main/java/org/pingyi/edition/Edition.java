package org.pingyi.edition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One year's evaluation as its YAML file describes it; immutable once loaded and validated. */
public record Edition(
    String id,
    String name,
    String timezone,
    String embargo,
    BigDecimal alternateShare,
    List<Grade> grades,
    List<WeightClass> weightClasses,
    List<Category> categories,
    List<District> districts,
    List<Group> groups,
    List<Session> sessions,
    Survey survey,
    List<Topic> suggestionTopics,
    Reminders reminders,
    Suggestions suggestions,
    Rotation rotation,
    DrawRelaxations drawRelaxations,
    Quality quality,
    Privacy privacy,
    List<Venue> venues) {

  public record Option(String code, String label) {}

  public enum QuestionKind { single, multiple, scale, text }

  public record Question(String id, String area, QuestionKind kind, String text, List<Option> options) {
    public boolean hasOption(String code) {
      return options != null && options.stream().anyMatch(o -> o.code().equals(code));
    }
  }

  public record Survey(List<Question> questions) {}

  public record Topic(String code, String label) {}

  /** Automatic reminder waves, minutes before close, and the message ({group} and {closes} filled in). */
  public record Reminders(List<Integer> beforeCloseMinutes, String text) {}

  /**
   * How suggestions are handled: answered within {@code answerWorkingDays} working days, urged
   * {@code urgeBeforeDays} working days before that, closed {@code closeAfterDays} calendar days after an answer the
   * author did not rate. A working day is a Monday to Friday that is not in {@code holidays}, or a weekend day in
   * {@code workingWeekends} (调休上班日). {@code contacts} holds each department's number for urging (催办) SMS.
   */
  public record Suggestions(Integer answerWorkingDays, Integer urgeBeforeDays, Integer closeAfterDays,
      List<LocalDate> holidays, List<LocalDate> workingWeekends, Map<String, String> contacts) {
    public List<LocalDate> holidaysOrNone() {
      return holidays == null ? List.of() : holidays;
    }

    public List<LocalDate> workingWeekendsOrNone() {
      return workingWeekends == null ? List.of() : workingWeekends;
    }

    public Map<String, String> contactsOrNone() {
      return contacts == null ? Map.of() : contacts;
    }
  }

  public static final Suggestions DEFAULT_SUGGESTIONS = new Suggestions(13, 1, 7, List.of(), List.of(), Map.of());

  public Suggestions suggestionsOrDefault() {
    if (suggestions == null) {
      return DEFAULT_SUGGESTIONS;
    }
    return new Suggestions(
        suggestions.answerWorkingDays() == null ? DEFAULT_SUGGESTIONS.answerWorkingDays() : suggestions.answerWorkingDays(),
        suggestions.urgeBeforeDays() == null ? DEFAULT_SUGGESTIONS.urgeBeforeDays() : suggestions.urgeBeforeDays(),
        suggestions.closeAfterDays() == null ? DEFAULT_SUGGESTIONS.closeAfterDays() : suggestions.closeAfterDays(),
        suggestions.holidaysOrNone(), suggestions.workingWeekendsOrNone(), suggestions.contactsOrNone());
  }

  /** Every department of every group, internal ones included, in the file's order. */
  public List<Department> departments() {
    return groups.stream().flatMap(g -> g.departments().stream()).toList();
  }

  public Optional<Department> department(String code) {
    return groups.stream().flatMap(g -> g.departments().stream()).filter(d -> d.code().equals(code)).findFirst();
  }

  public ZoneId zone() {
    return timezone == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(timezone);
  }

  /**
   * Ballot-quality flags for auditors (never a change to any count): a ballot submitted sooner than this many seconds
   * per department after its form was served is flagged "fast".
   */
  public record Quality(Integer minSecondsPerDepartment) {
    public static final int DEFAULT_MIN_SECONDS_PER_DEPARTMENT = 2;

    public int minSecondsPerDepartmentOrDefault() {
      return minSecondsPerDepartment == null ? DEFAULT_MIN_SECONDS_PER_DEPARTMENT : minSecondsPerDepartment;
    }
  }

  /** Small cells: a breakdown cell of fewer voters than this is published as {"suppressed":true}. */
  public record Privacy(Integer minCellSize) {
    public static final int DEFAULT_MIN_CELL_SIZE = 5;

    public int minCellSizeOrDefault() {
      return minCellSize == null ? DEFAULT_MIN_CELL_SIZE : minCellSize;
    }
  }

  public Quality qualityOrDefault() {
    return quality == null ? new Quality(null) : quality;
  }

  public int minCellSize() {
    return privacy == null ? Privacy.DEFAULT_MIN_CELL_SIZE : privacy.minCellSizeOrDefault();
  }

  public List<Question> questions() {
    return survey == null || survey.questions() == null ? List.of() : survey.questions();
  }

  public List<Topic> topics() {
    return suggestionTopics == null ? List.of() : suggestionTopics;
  }

  public Reminders remindersOrDefault() {
    return reminders == null ? new Reminders(List.of(), "{group}评议正在进行，请于{closes}前完成评议。") : reminders;
  }

  /**
   * The plan's turnover rule for the roster draw: at least {@code minNewShare} of the active representatives did not
   * serve the year before, and nobody serves more than {@code maxConsecutiveYears} years in a row.
   */
  public record Rotation(BigDecimal minNewShare, Integer maxConsecutiveYears) {}

  /**
   * Relaxations of the quota table the office adopts when a pool cannot meet it (the draw names them): seats of a
   * category moved from one district to another, and a cell's lower floor of new representatives.
   */
  public record DrawRelaxations(List<SeatMove> moveSeats, List<NewSeatFloor> newSeats) {}

  public record SeatMove(String category, String from, String to, Integer seats) {}

  /** {@code district} is a district code, or {@code city} for a city-selected category's single cell. */
  public record NewSeatFloor(String category, String district, Integer minNewSeats) {}

  /** No rotation key: no turnover rule (nobody must be new, no limit on consecutive years). */
  public Rotation rotationOrNone() {
    return rotation == null ? new Rotation(BigDecimal.ZERO, null) : rotation;
  }

  public DrawRelaxations drawRelaxationsOrNone() {
    List<SeatMove> moves = drawRelaxations == null || drawRelaxations.moveSeats() == null ? List.of() : drawRelaxations.moveSeats();
    List<NewSeatFloor> floors = drawRelaxations == null || drawRelaxations.newSeats() == null ? List.of() : drawRelaxations.newSeats();
    return new DrawRelaxations(moves, floors);
  }

  public record Grade(String code, String label, Integer points, boolean countsAsSatisfied) {}

  public record WeightClass(String code, String label, BigDecimal weight) {}

  public record Category(String code, String label, String weightClass, Integer quota, Selection selection) {}

  public enum Selection { city, district }

  public record District(String code, String label) {}

  /**
   * A community venue (社区会场): a hall of a district with a shared tablet where representatives vote one after the
   * other. Only counted, never stored on a ballot (see org.pingyi.venue).
   */
  public record Venue(String code, String district, String name) {}

  public record Department(String code, String name) {}

  public record Group(String code, String name, boolean internal, List<Department> departments) {}

  /** Who may score a session: every active representative, or those of the listed categories only. */
  public record Electorate(List<String> categories) {
    public boolean includes(String category) {
      return categories == null || categories.isEmpty() || categories.contains(category);
    }
  }

  /** manual: an operator opens and closes the session; automatic: the engine does at opensAt and closesAt. */
  public enum Schedule { manual, automatic }

  public record Session(String id, String group, Instant opensAt, Instant closesAt, Electorate electorate,
      Schedule schedule) {
    public Electorate electorateOrAll() {
      return electorate == null ? new Electorate(List.of()) : electorate;
    }

    public Schedule scheduleOrManual() {
      return schedule == null ? Schedule.manual : schedule;
    }
  }

  public Optional<Group> group(String code) {
    return groups.stream().filter(g -> g.code().equals(code)).findFirst();
  }

  public Optional<Session> session(String id) {
    return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Category> category(String code) {
    return categories.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public Optional<District> district(String code) {
    return districts.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  /** The community venues, in the file's order; none when the file declares none. */
  public List<Venue> venuesOrNone() {
    return venues == null ? List.of() : venues;
  }

  public Optional<Venue> venue(String code) {
    return venuesOrNone().stream().filter(v -> v.code().equals(code)).findFirst();
  }

  public List<Department> departmentsOf(Session session) {
    return group(session.group()).orElseThrow().departments();
  }

  public boolean embargoedUntilPublished() {
    return !"none".equals(embargo);
  }
}
