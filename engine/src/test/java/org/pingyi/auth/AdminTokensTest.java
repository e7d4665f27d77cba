package org.pingyi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pingyi.config.ConfigException;

class AdminTokensTest {
  static String entry(String role, String token) {
    return role + ":" + AdminTokens.sha256Hex(token);
  }

  @Test
  void aDepartmentRoleNamesADepartmentOfTheEditionAndActsAsThatDepartment() {
    AdminTokens tokens = AdminTokens.parse(String.join(",", entry("operator", "op-secret"), entry("department:D07", "d07-secret")),
        Set.of("D07", "D12"));
    Admin d07 = tokens.authenticate("d07-secret").orElseThrow();
    assertEquals(AdminRole.department, d07.role());
    assertEquals("D07", d07.department());
    assertEquals("department:D07", d07.roleName());
    assertTrue(d07.actor().startsWith("department:D07:"), d07.actor());
    assertEquals("operator", tokens.authenticate("op-secret").orElseThrow().roleName());
    assertTrue(tokens.authenticate("nobody").isEmpty());
  }

  @Test
  void anUnknownDepartmentOrRoleStopsTheStartNamingTheKey() {
    var e = assertThrows(ConfigException.class, () -> AdminTokens.parse(entry("department:D99", "x"), Set.of("D07")));
    assertTrue(e.getMessage().contains("adminTokens (PINGYI_ADMIN_TOKENS): 'department:D99' names no department"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> AdminTokens.parse(entry("department", "x"), Set.of("D07")));
    assertTrue(e.getMessage().contains("unknown role 'department'"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> AdminTokens.parse(entry("chief", "x"), Set.of("D07")));
    assertTrue(e.getMessage().contains("unknown role 'chief'"), e.getMessage());
  }

  @Test
  void demoModeMakesATokenForEveryDepartment() {
    AdminTokens tokens = AdminTokens.generateForDemo(List.of("D01", "D02"));
    assertEquals(List.of(AdminRole.operator, AdminRole.auditor), List.copyOf(tokens.demoTokens().keySet()));
    assertEquals(List.of("D01", "D02"), List.copyOf(tokens.demoDepartmentTokens().keySet()));
    assertEquals("D02", tokens.authenticate(tokens.demoDepartmentTokens().get("D02")).orElseThrow().department());
  }
}
