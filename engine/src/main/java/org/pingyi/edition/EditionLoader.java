package org.pingyi.edition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an edition YAML file and checks that it is whole and consistent before anything uses it. */
public final class EditionLoader {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EditionLoader() {}

  public static Edition load(Path file) {
    Edition edition;
    try {
      edition = YAML.readValue(file.toFile(), Edition.class);
    } catch (JsonMappingException e) {
      throw new EditionException(file + ": line " + line(e) + ", key '" + path(e) + "': "
          + e.getOriginalMessage().split("\n")[0]);
    } catch (JsonProcessingException e) {
      throw new EditionException(file + ": line " + line(e) + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new EditionException(file + ": cannot read: " + e.getMessage());
    }
    List<String> problems = validate(edition);
    if (!problems.isEmpty()) {
      throw new EditionException(file + ": " + String.join("; ", problems));
    }
    return edition;
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** Every problem found, each naming its key, so one run of the engine shows all of them. */
  static List<String> validate(Edition e) {
    List<String> p = new ArrayList<>();
    require(p, e.id() != null && CODE.matcher(e.id()).matches(), "id: missing or not a code");
    require(p, e.name() != null && !e.name().isBlank(), "name: missing");
    require(p, e.timezone() == null || knownZone(e.timezone()), "timezone: not a known time zone (e.g. Asia/Shanghai)");
    require(p, e.embargo() == null || Set.of("untilPublished", "none").contains(e.embargo()),
        "embargo: must be untilPublished or none");
    require(p, e.alternateShare() == null || (e.alternateShare().signum() >= 0 && e.alternateShare().compareTo(BigDecimal.ONE) < 0),
        "alternateShare: must be from 0 to below 1");
    require(p, notEmpty(e.grades()), "grades: at least one grade");
    require(p, notEmpty(e.weightClasses()), "weightClasses: at least one class");
    require(p, notEmpty(e.categories()), "categories: at least one category");
    require(p, notEmpty(e.districts()), "districts: at least one district");
    require(p, notEmpty(e.groups()), "groups: at least one group");
    require(p, notEmpty(e.sessions()), "sessions: at least one session");
    if (!p.isEmpty()) {
      return p;
    }
    codes(p, "grades", e.grades().stream().map(Edition.Grade::code).toList());
    for (int i = 0; i < e.grades().size(); i++) {
      var g = e.grades().get(i);
      require(p, g.label() != null, "grades[" + i + "].label: missing");
      require(p, g.points() != null && g.points() >= 0, "grades[" + i + "].points: missing or negative");
    }
    Set<String> classes = codes(p, "weightClasses", e.weightClasses().stream().map(Edition.WeightClass::code).toList());
    for (int i = 0; i < e.weightClasses().size(); i++) {
      var w = e.weightClasses().get(i);
      require(p, w.weight() != null && w.weight().signum() > 0, "weightClasses[" + i + "].weight: must be above 0");
    }
    codes(p, "categories", e.categories().stream().map(Edition.Category::code).toList());
    for (int i = 0; i < e.categories().size(); i++) {
      var c = e.categories().get(i);
      require(p, classes.contains(c.weightClass()), "categories[" + i + "].weightClass: unknown class '" + c.weightClass() + "'");
      require(p, c.quota() != null && c.quota() >= 0, "categories[" + i + "].quota: missing or negative");
      require(p, c.selection() != null, "categories[" + i + "].selection: city or district");
      require(p, c.label() != null, "categories[" + i + "].label: missing");
    }
    codes(p, "districts", e.districts().stream().map(Edition.District::code).toList());
    validateVenues(p, e);
    Set<String> groups = codes(p, "groups", e.groups().stream().map(Edition.Group::code).toList());
    Set<String> departments = new HashSet<>();
    for (int i = 0; i < e.groups().size(); i++) {
      var g = e.groups().get(i);
      require(p, g.name() != null, "groups[" + i + "].name: missing");
      require(p, notEmpty(g.departments()), "groups[" + i + "].departments: at least one department");
      if (g.departments() == null) {
        continue;
      }
      for (int j = 0; j < g.departments().size(); j++) {
        var d = g.departments().get(j);
        String key = "groups[" + i + "].departments[" + j + "]";
        require(p, d.code() != null && CODE.matcher(d.code()).matches(), key + ".code: missing or not a code");
        require(p, d.code() == null || departments.add(d.code()), key + ".code: '" + d.code() + "' appears twice");
        require(p, d.name() != null && !d.name().isBlank(), key + ".name: missing");
      }
    }
    codes(p, "sessions", e.sessions().stream().map(Edition.Session::id).toList());
    for (int i = 0; i < e.sessions().size(); i++) {
      var s = e.sessions().get(i);
      String key = "sessions[" + i + "]";
      require(p, groups.contains(s.group()), key + ".group: unknown group '" + s.group() + "'");
      require(p, s.opensAt() != null && s.closesAt() != null && s.opensAt().isBefore(s.closesAt()),
          key + ": opensAt must be before closesAt");
      if (s.electorate() != null && s.electorate().categories() != null) {
        for (String c : s.electorate().categories()) {
          require(p, e.category(c).isPresent(), key + ".electorate.categories: unknown category '" + c + "'");
        }
      }
    }
    if (e.quality() != null && e.quality().minSecondsPerDepartment() != null) {
      require(p, e.quality().minSecondsPerDepartment() >= 0 && e.quality().minSecondsPerDepartment() <= 600,
          "quality.minSecondsPerDepartment: whole seconds from 0 to 600");
    }
    if (e.privacy() != null && e.privacy().minCellSize() != null) {
      require(p, e.privacy().minCellSize() >= 1 && e.privacy().minCellSize() <= 1000,
          "privacy.minCellSize: a number of voters from 1 to 1000");
    }
    codes(p, "survey.questions", e.questions().stream().map(Edition.Question::id).toList());
    for (int i = 0; i < e.questions().size(); i++) {
      var q = e.questions().get(i);
      String key = "survey.questions[" + i + "]";
      require(p, q.kind() != null, key + ".kind: single, multiple, scale or text");
      require(p, q.text() != null && !q.text().isBlank(), key + ".text: missing");
      boolean choice = q.kind() == Edition.QuestionKind.single || q.kind() == Edition.QuestionKind.multiple;
      require(p, !choice || notEmpty(q.options()), key + ".options: a choice question needs options");
      if (q.options() != null) {
        codes(p, key + ".options", q.options().stream().map(Edition.Option::code).toList());
      }
    }
    codes(p, "suggestionTopics", e.topics().stream().map(Edition.Topic::code).toList());
    suggestions(p, e, departments);
    if (e.reminders() != null && e.reminders().beforeCloseMinutes() != null) {
      for (Integer minutes : e.reminders().beforeCloseMinutes()) {
        require(p, minutes != null && minutes > 0, "reminders.beforeCloseMinutes: whole minutes above 0");
      }
    }
    validateRotation(p, e);
    validateDrawRelaxations(p, e);
    return p;
  }

  private static final Pattern CONTACT = Pattern.compile("\\+?[0-9][0-9-]{4,19}");

  /** Deadlines that make sense, a calendar whose two lists agree, and a contact number for every department. */
  private static void suggestions(List<String> p, Edition e, Set<String> departments) {
    Edition.Suggestions s = e.suggestions();
    if (s == null) {
      return;
    }
    Integer answer = s.answerWorkingDays();
    require(p, answer == null || answer >= 1 && answer <= 60, "suggestions.answerWorkingDays: whole days from 1 to 60");
    int answerDays = answer == null ? Edition.DEFAULT_SUGGESTIONS.answerWorkingDays() : answer;
    require(p, s.urgeBeforeDays() == null || s.urgeBeforeDays() >= 0 && s.urgeBeforeDays() < answerDays,
        "suggestions.urgeBeforeDays: whole days from 0 to below answerWorkingDays");
    require(p, s.closeAfterDays() == null || s.closeAfterDays() >= 1 && s.closeAfterDays() <= 90,
        "suggestions.closeAfterDays: whole days from 1 to 90");
    Set<LocalDate> holidays = new HashSet<>();
    for (var day : s.holidaysOrNone()) {
      require(p, day != null && holidays.add(day), "suggestions.holidays: '" + day + "' is missing or listed twice");
    }
    for (var day : s.workingWeekendsOrNone()) {
      boolean weekend = day != null && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
      require(p, weekend, "suggestions.workingWeekends: '" + day + "' is not a Saturday or Sunday");
      require(p, day == null || !holidays.contains(day), "suggestions.workingWeekends: '" + day + "' is also a holiday");
    }
    for (var contact : s.contactsOrNone().entrySet()) {
      require(p, departments.contains(contact.getKey()), "suggestions.contacts: unknown department '" + contact.getKey() + "'");
      require(p, contact.getValue() != null && CONTACT.matcher(contact.getValue()).matches(),
          "suggestions.contacts." + contact.getKey() + ": not a phone number");
    }
    for (String department : departments) {
      require(p, s.contactsOrNone().containsKey(department), "suggestions.contacts: department '" + department
          + "' has no contact number for urging");
    }
  }

  /** Each venue a code of its own, in a district of the edition, with a name to show on the tablet. */
  private static void validateVenues(List<String> p, Edition e) {
    codes(p, "venues", e.venuesOrNone().stream().map(Edition.Venue::code).toList());
    for (int i = 0; i < e.venuesOrNone().size(); i++) {
      var v = e.venuesOrNone().get(i);
      require(p, v.district() != null && e.district(v.district()).isPresent(),
          "venues[" + i + "].district: unknown district '" + v.district() + "'");
      require(p, v.name() != null && !v.name().isBlank(), "venues[" + i + "].name: missing");
    }
  }

  private static boolean knownZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void validateRotation(List<String> p, Edition e) {
    if (e.rotation() == null) {
      return;
    }
    BigDecimal share = e.rotation().minNewShare();
    require(p, share != null && share.signum() >= 0 && share.compareTo(BigDecimal.ONE) <= 0,
        "rotation.minNewShare: must be from 0 to 1");
    Integer years = e.rotation().maxConsecutiveYears();
    require(p, years != null && years >= 1, "rotation.maxConsecutiveYears: whole years, at least 1");
  }

  /** Seat moves and new-seat floors must name real cells; a district cannot lend more seats than its even share. */
  private static void validateDrawRelaxations(List<String> p, Edition e) {
    var relaxations = e.drawRelaxationsOrNone();
    Map<String, Integer> lent = new HashMap<>();
    for (int i = 0; i < relaxations.moveSeats().size(); i++) {
      var m = relaxations.moveSeats().get(i);
      String key = "drawRelaxations.moveSeats[" + i + "]";
      var category = m.category() == null ? Optional.<Edition.Category>empty() : e.category(m.category());
      require(p, category.isPresent() && category.get().selection() == Edition.Selection.district,
          key + ".category: not a district-selected category '" + m.category() + "'");
      require(p, m.from() != null && e.district(m.from()).isPresent(), key + ".from: unknown district '" + m.from() + "'");
      require(p, m.to() != null && e.district(m.to()).isPresent(), key + ".to: unknown district '" + m.to() + "'");
      require(p, m.from() == null || !m.from().equals(m.to()), key + ".to: must differ from 'from'");
      require(p, m.seats() != null && m.seats() >= 1, key + ".seats: whole seats, at least 1");
      if (category.isPresent() && m.seats() != null && m.from() != null) {
        int total = lent.merge(m.category() + "/" + m.from(), m.seats(), Integer::sum);
        int even = category.get().quota() == null ? 0 : category.get().quota() / e.districts().size();
        require(p, total <= even, key + ".seats: " + m.from() + " has " + even + " seat(s) of " + m.category() + " to lend");
      }
    }
    Set<String> floors = new HashSet<>();
    for (int i = 0; i < relaxations.newSeats().size(); i++) {
      var f = relaxations.newSeats().get(i);
      String key = "drawRelaxations.newSeats[" + i + "]";
      var category = f.category() == null ? Optional.<Edition.Category>empty() : e.category(f.category());
      require(p, category.isPresent(), key + ".category: unknown category '" + f.category() + "'");
      boolean city = category.isPresent() && category.get().selection() == Edition.Selection.city;
      require(p, category.isEmpty() || (city ? "city".equals(f.district()) : f.district() != null && e.district(f.district()).isPresent()),
          key + ".district: " + (city ? "'city' for a city-selected category" : "unknown district '" + f.district() + "'"));
      require(p, f.minNewSeats() != null && f.minNewSeats() >= 0, key + ".minNewSeats: whole seats, 0 or more");
      require(p, floors.add(f.category() + "/" + f.district()), key + ": a second floor for the same cell");
    }
  }

  private static Set<String> codes(List<String> problems, String key, List<String> codes) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      if (code == null || !CODE.matcher(code).matches()) {
        problems.add(key + "[" + i + "]: code missing or not made of letters, digits, _ and -");
      } else if (!seen.add(code)) {
        problems.add(key + "[" + i + "]: code '" + code + "' appears twice");
      }
    }
    return seen;
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }

  private static void require(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
