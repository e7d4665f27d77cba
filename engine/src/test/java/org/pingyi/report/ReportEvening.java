package org.pingyi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingyi.support.Api;
import org.pingyi.support.TestEngine;
import org.pingyi.support.TestServers;

/** What ReportTest's evening is made of: the roster it shapes, the votes it casts through the demo provider, the steps. */
final class ReportEvening {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final TestEngine engine;
  private final Api api;
  private final String smallDistrict;

  ReportEvening(TestEngine engine, String smallDistrict) {
    this.engine = engine;
    this.api = engine.api();
    this.smallDistrict = smallDistrict;
  }

  void admin(String action, String session) {
    var reply = api.post("/api/v1/admin/sessions/" + session + "/" + action, "", "Authorization", "Bearer " + engine.operator());
    assertEquals(200, reply.status(), action + " " + session + ": " + reply.body());
  }

  /** Logs the representative in through the demo face-auth provider, as a phone does, and sends the ballot. */
  Api.Reply vote(String rep, String session, JsonObject ballot) {
    var id = api.postJson("/api/v1/dev/face-auth", new JsonObject().put("representativeId", rep));
    assertEquals(200, id.status(), id.body());
    var login = api.postJson("/api/v1/auth/face", new JsonObject().put("idToken", id.json().getString("idToken")));
    assertEquals(200, login.status(), login.body());
    return api.postJson("/api/v1/sessions/" + session + "/ballots", ballot, Api.bearer(login.json().getString("accessToken")));
  }

  HttpResponse<byte[]> download(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.engine().httpPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Before the lock: every active representative of the district but its first three is withdrawn. */
  void leaveThreeActiveIn(String district) throws Exception {
    List<String> lines = Files.readAllLines(TestEngine.DEMO_ROSTER);
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    int kept = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (cells[3].equals(district) && cells[5].equals("active") && ++kept > 3) {
        cells[5] = "withdrawn";
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    var reply = api.post("/api/v1/admin/roster", csv.toString(), "Content-Type", "text/csv", "Authorization", "Bearer " + engine.operator());
    assertEquals(200, reply.status(), reply.body());
  }

  /** Active representatives: id → {weight class, district}, in id order. */
  Map<String, String[]> activeRoster() throws Exception {
    Map<String, String[]> roster = new LinkedHashMap<>();
    try (var c = TestServers.connect(engine.database());
         var st = c.prepareStatement("SELECT id, weight_class, district FROM representatives WHERE status = ? ORDER BY id")) {
      st.setString(1, "active");
      var rs = st.executeQuery();
      while (rs.next()) {
        roster.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    return roster;
  }

  /** The first active representative of the class, outside the small district, not taken yet. */
  String firstOf(Map<String, String[]> roster, String weightClass, Set<String> taken) {
    return roster.entrySet().stream().filter(e -> e.getValue()[0].equals(weightClass) && !taken.contains(e.getKey())
            && !e.getValue()[1].equals(smallDistrict))
        .findFirst().orElseThrow().getKey();
  }

  Set<String> union(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
