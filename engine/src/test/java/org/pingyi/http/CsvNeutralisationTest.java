package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** The CSV exports neutralise formulas in names, phones and suggestion texts, as they reach the office's spreadsheet. */
class CsvNeutralisationTest {
  static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

  @Test
  void namesPhonesAndSuggestionsThatLookLikeFormulasArePrefixedInTheExports() throws Exception {
    try (TestEngine engine = TestEngine.start()) {
      String rep = engine.activeRepresentatives(1).get(0);
      try (var c = TestServers.connect(engine.database());
           var st = c.prepareStatement("UPDATE representatives SET name = ?, phone = ? WHERE id = ?")) {
        st.setString(1, FORMULA);
        st.setString(2, "+8613800000000");
        st.setString(3, rep);
        assertEquals(1, st.executeUpdate());
      }
      engine.open("econ1-2024");
      String[] operator = Api.bearer(engine.operator());
      var nonVoters = engine.api().get("/api/v1/admin/sessions/econ1-2024/non-voters.csv", operator);
      assertEquals(200, nonVoters.status());
      CSVRecord row = records(nonVoters.body()).stream().filter(r -> r.get("id").equals(rep)).findFirst().orElseThrow();
      assertEquals("'" + FORMULA, row.get("name"));
      assertEquals("'+8613800000000", row.get("phone"));

      String token = engine.accessToken(rep);
      for (String text : List.of(FORMULA, "@SUM(A1:A9) 请尽快处理", "-1+1 路灯不亮")) {
        var created = engine.api().postJson("/api/v1/suggestions",
            new JsonObject().put("topic", "urban").put("department", "D31").put("text", text), Api.bearer(token));
        assertEquals(201, created.status(), created.body());
      }
      var suggestions = engine.api().get("/api/v1/admin/suggestions.csv", operator);
      assertEquals(200, suggestions.status());
      assertEquals(java.util.Set.of("'" + FORMULA, "'-1+1 路灯不亮", "'@SUM(A1:A9) 请尽快处理"),
          java.util.Set.copyOf(records(suggestions.body()).stream().map(r -> r.get("text")).toList()));
    }
  }

  private static List<CSVRecord> records(String csv) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.substring(1))).getRecords();
  }
}
