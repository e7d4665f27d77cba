package org.pingyi.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingyi.edition.Edition;

/**
 * Whether the pool can fill every cell (docs/draw.md §9): a cell needs as many eligible candidates as seats and at
 * least its floor of new ones, and the floors together must give the roster its minimum new share. For every short
 * cell it names the smallest relaxations that would make it feasible: moving seats of the category to the nearest
 * districts (in the edition's order) that can fill them, or lowering the cell's new-seat floor to what the pool has.
 */
final class Feasibility {
  private final Edition edition;
  private final CellPlan plan;
  private final Candidates candidates;
  private final BigDecimal minNewShare;

  private Feasibility(Edition edition, CellPlan plan, Candidates candidates) {
    this.edition = edition;
    this.plan = plan;
    this.candidates = candidates;
    this.minNewShare = edition.rotationOrNone().minNewShare();
  }

  /** Empty when the draw can go ahead. */
  static List<ShortCell> check(Edition edition, CellPlan plan, Candidates candidates) {
    return new Feasibility(edition, plan, candidates).shortCells();
  }

  /** The floor of new seats the rule asks of all seats together. */
  static int rosterFloor(Edition edition, int seats) {
    return edition.rotationOrNone().minNewShare().multiply(BigDecimal.valueOf(seats))
        .setScale(0, RoundingMode.CEILING).intValueExact();
  }

  private List<ShortCell> shortCells() {
    List<CellPlan.Cell> cells = plan.cells();
    int totalSeats = cells.stream().mapToInt(CellPlan.Cell::seats).sum();
    int floors = cells.stream().mapToInt(CellPlan.Cell::minNew).sum();
    int required = rosterFloor(edition, totalSeats);
    Map<Integer, Integer> spare = new HashMap<>();
    for (CellPlan.Cell cell : cells) {
      if (!isShort(cell) && cell.district() >= 0) {
        spare.put(cell.index(), capacity(cell));
      }
    }
    List<ShortCell> out = new ArrayList<>();
    for (CellPlan.Cell cell : cells) {
      if (!isShort(cell)) {
        continue;
      }
      int eligible = candidates.eligible(cell.index());
      int fresh = candidates.size(cell.index(), Standing.fresh);
      List<Relaxation> relaxations = new ArrayList<>();
      if (cell.district() >= 0) {
        moveSeats(cell, spare).ifPresent(relaxations::add);
      }
      if (eligible >= cell.seats() && fresh < cell.minNew()) {
        relaxations.add(new Relaxation.LowerNewFloor(cell.categoryCode(), cell.districtCode(), cell.minNew(), fresh,
            floors - (cell.minNew() - fresh) >= required));
      }
      out.add(new ShortCell(cell.categoryCode(), cell.districtCode(), cell.seats(), eligible, cell.minNew(), fresh,
          Math.max(0, cell.seats() - eligible), Math.max(0, cell.minNew() - fresh), List.copyOf(relaxations)));
    }
    if (out.isEmpty() && floors < required) {
      out.add(ShortCell.roster(totalSeats, floors, required));
    }
    return out;
  }

  private boolean isShort(CellPlan.Cell cell) {
    return candidates.eligible(cell.index()) < cell.seats() || candidates.size(cell.index(), Standing.fresh) < cell.minNew();
  }

  private boolean fits(CellPlan.Cell cell, int seats) {
    return candidates.eligible(cell.index()) >= seats && candidates.size(cell.index(), Standing.fresh) >= floor(cell, seats);
  }

  /** The cell's floor of new seats were it to have {@code seats} seats (an adopted floor of the edition stays). */
  private int floor(CellPlan.Cell cell, int seats) {
    for (Edition.NewSeatFloor f : edition.drawRelaxationsOrNone().newSeats()) {
      if (f.category().equals(cell.categoryCode()) && f.district().equals(cell.districtCode())) {
        return Math.min(seats, f.minNewSeats());
      }
    }
    return minNewShare.multiply(BigDecimal.valueOf(seats)).setScale(0, RoundingMode.CEILING).intValueExact();
  }

  /** How many more seats a feasible cell could fill. */
  private int capacity(CellPlan.Cell cell) {
    int limit = Math.min(candidates.eligible(cell.index()) - cell.seats(), edition.categories().get(cell.category()).quota());
    int extra = 0;
    while (extra < limit && fits(cell, cell.seats() + extra + 1)) {
      extra++;
    }
    return extra;
  }

  /** The fewest seats to move away so the cell fits, taken by the nearest districts that can fill them. */
  private Optional<Relaxation> moveSeats(CellPlan.Cell cell, Map<Integer, Integer> spare) {
    int seats = 1;
    while (seats <= cell.seats() && !fits(cell, cell.seats() - seats)) {
      seats++;
    }
    if (seats > cell.seats()) {
      return Optional.empty();
    }
    List<CellPlan.Cell> neighbours = plan.cells().stream()
        .filter(c -> c.category() == cell.category() && c.index() != cell.index() && spare.getOrDefault(c.index(), 0) > 0)
        .sorted(Comparator.comparingInt((CellPlan.Cell c) -> Math.abs(c.district() - cell.district()))
            .thenComparingInt(CellPlan.Cell::district))
        .toList();
    int available = neighbours.stream().mapToInt(c -> spare.get(c.index())).sum();
    if (available < seats) {
      return Optional.empty();
    }
    List<Relaxation.Transfer> transfers = new ArrayList<>();
    int left = seats;
    for (CellPlan.Cell n : neighbours) {
      int take = Math.min(left, spare.get(n.index()));
      transfers.add(new Relaxation.Transfer(n.districtCode(), take));
      spare.merge(n.index(), -take, Integer::sum);
      left -= take;
      if (left == 0) {
        break;
      }
    }
    return Optional.of(new Relaxation.MoveSeats(cell.categoryCode(), cell.districtCode(), List.copyOf(transfers)));
  }
}
