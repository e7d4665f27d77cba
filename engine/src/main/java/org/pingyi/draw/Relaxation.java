package org.pingyi.draw;

import java.util.List;
import java.util.stream.Collectors;

/** A change to the quota table that would make a short cell feasible; the office adopts it in the edition file. */
public sealed interface Relaxation {
  /** A sentence for the office. */
  String describe();

  /** The list under the edition's {@code drawRelaxations} key that takes it: moveSeats or newSeats. */
  String yamlKey();

  /** Its entries in that list, one flow-style YAML map each. */
  List<String> yamlItems();

  record Transfer(String to, int seats) {}

  /** Move seats of the category from the short district to neighbours with candidates to spare. */
  record MoveSeats(String category, String from, List<Transfer> transfers) implements Relaxation {
    public int seats() {
      return transfers.stream().mapToInt(Transfer::seats).sum();
    }

    @Override
    public String describe() {
      return "move " + seats() + " seat(s) of " + category + " from " + from + " to "
          + transfers.stream().map(t -> t.to() + " (" + t.seats() + ")").collect(Collectors.joining(", "));
    }

    @Override
    public String yamlKey() {
      return "moveSeats";
    }

    @Override
    public List<String> yamlItems() {
      return transfers.stream().map(t -> "{ category: " + category + ", from: " + from + ", to: " + t.to()
          + ", seats: " + t.seats() + " }").toList();
    }
  }

  /** Lower the cell's floor of new representatives to the new candidates the pool has. */
  record LowerNewFloor(String category, String district, int floor, int lowered, boolean rosterShareHolds)
      implements Relaxation {
    @Override
    public String describe() {
      return "lower the new-seat floor of " + category + "/" + district + " from " + floor + " to " + lowered
          + (rosterShareHolds ? " (the roster as a whole keeps its minimum new share)"
              : " (the roster as a whole would then fall below its minimum new share: not enough on its own)");
    }

    @Override
    public String yamlKey() {
      return "newSeats";
    }

    @Override
    public List<String> yamlItems() {
      return List.of("{ category: " + category + ", district: " + district + ", minNewSeats: " + lowered + " }");
    }
  }
}
