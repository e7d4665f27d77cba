package org.pingyi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Redis URLs as Lettuce reads them, with what Lettuce would silently misread refused first. */
class RedisLocationTest {

  @Test
  void tlsAndSentinelFormsAreReadByLettuce() {
    RedisLocation tls = RedisLocation.parse("rediss://:secret@cache.example:6380/2");
    assertTrue(tls.uri().isSsl());
    assertEquals(2, tls.uri().getDatabase());
    assertTrue(tls.protectedInTransit());
    assertFalse(tls.describe().contains("secret"), tls.describe());

    RedisLocation sentinel = RedisLocation.parse("redis-sentinel://secret@s1:26379,s2:26380/0#pingyi");
    assertEquals("pingyi", sentinel.uri().getSentinelMasterId());
    assertEquals(List.of("s1", "s2"), sentinel.servers());
    assertFalse(sentinel.protectedInTransit(), "sentinels on other machines in clear");
    assertTrue(RedisLocation.parse("rediss-sentinel://s1:26379,s2/0#pingyi").protectedInTransit());
    assertTrue(RedisLocation.parse("redis://127.0.0.1:6379/3").protectedInTransit(), "a local Redis needs no TLS");
  }

  @Test
  void malformedUrlsAreRefusedInsteadOfMisread() {
    String[][] cases = {
        {"redis://h:abc", "is not a host[:port]"},
        {"redis://", "is not a host[:port]"},
        {"redis://:secret@h:6379?foo=bar", "parameter 'foo'"},
        {"redis-sentinel://:secret@s1:26379,s2:26379/0", "names the master"},
        {"redis://:secret@h:6379/x", "Lettuce cannot read it"},
        {"http://h:6379", "not a redis://"},
        {"localhost:6379", "not a redis://"},
    };
    for (String[] c : cases) {
      var e = assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " → " + e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
  }

  @Test
  void aClustersSeedNodesAreEachReadByLettuceAndDescribedWithoutPasswords() {
    RedisLocation cluster = RedisLocation.parse("rediss://:secret@c1:7000,rediss://:secret@c2:7001", true);
    assertTrue(cluster.cluster());
    assertEquals(List.of("c1", "c2"), cluster.servers());
    assertEquals(7001, cluster.seeds().get(1).getPort());
    assertTrue(cluster.protectedInTransit());
    assertFalse(RedisLocation.parse("redis://c1:7000,rediss://c2:7001", true).protectedInTransit(), "one seed in clear");
    assertFalse(cluster.describe().contains("secret"), cluster.describe());
    var db = assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse("redis://c1:7000/3", true));
    assertTrue(db.getMessage().contains("only database 0"), db.getMessage());
  }
}
