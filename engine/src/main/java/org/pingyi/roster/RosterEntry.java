package org.pingyi.roster;

/** One row of the roster CSV, checked against the edition. Name, phone and subject never leave the engine. */
public record RosterEntry(String id, String name, String phone, String district, String category, Status status,
    String subject) {

  public enum Status { active, alternate, withdrawn }

  @Override
  public String toString() {
    return "RosterEntry[id=" + id + ", district=" + district + ", category=" + category + ", status=" + status + "]";
  }
}
