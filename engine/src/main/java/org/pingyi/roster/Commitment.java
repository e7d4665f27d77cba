package org.pingyi.roster;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingyi.Hashes;
import org.pingyi.edition.Edition;
import org.pingyi.keys.Pseudonyms;

/**
 * The electorate's commitment: SHA-256 (hex) of the canonical pseudonymous roster, one line
 * {@code voter,category,district,status} per representative (every status), sorted, each ending in "\n", where
 * {@code voter} is the export's pseudonym; with the counts of active representatives by category and by district.
 * Anyone comparing two publications sees whether the electorate changed; nobody learns who is in it.
 */
public record Commitment(int active, int alternates, Map<String, Integer> byCategory, Map<String, Integer> byDistrict,
    String sha256) {

  public record Member(String id, String category, String district, String status) {}

  public static Commitment of(List<Member> members, Pseudonyms pseudonyms, Edition edition) {
    Map<String, Integer> byCategory = new TreeMap<>();
    edition.categories().forEach(c -> byCategory.put(c.code(), 0));
    Map<String, Integer> byDistrict = new TreeMap<>();
    edition.districts().forEach(d -> byDistrict.put(d.code(), 0));
    List<String> lines = new ArrayList<>(members.size());
    int active = 0;
    int alternates = 0;
    for (Member m : members) {
      lines.add(pseudonyms.voter(m.id()) + "," + m.category() + "," + m.district() + "," + m.status() + "\n");
      if ("active".equals(m.status())) {
        active++;
        byCategory.merge(m.category(), 1, Integer::sum);
        byDistrict.merge(m.district(), 1, Integer::sum);
      } else if ("alternate".equals(m.status())) {
        alternates++;
      }
    }
    lines.sort(null);
    return new Commitment(active, alternates, byCategory, byDistrict, Hashes.sha256Hex(String.join("", lines)));
  }

  static JsonObject counts(Map<String, Integer> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }
}
