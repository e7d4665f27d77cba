package org.pingyi.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pingyi.Hashes;
import org.pingyi.config.ConfigException;

/**
 * The admin tokens of PINGYI_ADMIN_TOKENS ({@code role:sha256hex,…}, role operator, auditor or department:&lt;code&gt;
 * of a department of the edition). Only hashes are kept; a presented token is hashed and compared in constant time.
 * Demo mode makes fresh tokens for the run (one per department too) and hands them to the start banner.
 */
public final class AdminTokens {

  private final List<Entry> entries;
  private final Map<AdminRole, String> demoTokens;
  private final Map<String, String> demoDepartmentTokens;

  private record Entry(AdminRole role, String department, byte[] hash) {}

  private AdminTokens(List<Entry> entries, Map<AdminRole, String> demoTokens, Map<String, String> demoDepartmentTokens) {
    this.entries = entries;
    this.demoTokens = demoTokens;
    this.demoDepartmentTokens = demoDepartmentTokens;
  }

  /** Tokens without department roles (a department:… entry is refused). */
  public static AdminTokens parse(String spec) {
    return parse(spec, Set.of());
  }

  /** {@code departments}: the edition's department codes, the only ones a department:&lt;code&gt; role may name. */
  public static AdminTokens parse(String spec, Set<String> departments) {
    List<Entry> entries = new ArrayList<>();
    for (String item : spec.split(",")) {
      String entry = item.trim();
      int colon = entry.lastIndexOf(':');
      String roleName = colon < 0 ? "" : entry.substring(0, colon).trim();
      String hash = colon < 0 ? "" : entry.substring(colon + 1).trim();
      if (roleName.isEmpty() || !hash.matches("[0-9a-fA-F]{64}")) {
        throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): each entry must be role:sha256hex");
      }
      String department = null;
      AdminRole role;
      if (roleName.startsWith("department:")) {
        role = AdminRole.department;
        department = roleName.substring("department:".length());
        if (!departments.contains(department)) {
          throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): '" + roleName + "' names no department of the edition");
        }
      } else {
        try {
          role = AdminRole.valueOf(roleName);
        } catch (IllegalArgumentException e) {
          role = null;
        }
        if (role == null || role == AdminRole.department) {
          throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): unknown role '" + roleName
              + "' (operator, auditor, department:<code>)");
        }
      }
      entries.add(new Entry(role, department, HexFormat.of().parseHex(hash.toLowerCase())));
    }
    return new AdminTokens(List.copyOf(entries), Map.of(), Map.of());
  }

  /** One fresh operator and one fresh auditor token, valid for this run only. */
  public static AdminTokens generateForDemo() {
    return generateForDemo(List.of());
  }

  /** Fresh operator and auditor tokens and one token per department, valid for this run only. */
  public static AdminTokens generateForDemo(List<String> departments) {
    SecureRandom random = new SecureRandom();
    Map<AdminRole, String> tokens = new LinkedHashMap<>();
    Map<String, String> departmentTokens = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (AdminRole role : List.of(AdminRole.operator, AdminRole.auditor)) {
      String token = role.name().substring(0, 3) + "_" + randomHex(random);
      tokens.put(role, token);
      entries.add(new Entry(role, null, Hashes.sha256(token)));
    }
    for (String department : departments) {
      String token = "dep_" + randomHex(random);
      departmentTokens.put(department, token);
      entries.add(new Entry(AdminRole.department, department, Hashes.sha256(token)));
    }
    return new AdminTokens(List.copyOf(entries), Collections.unmodifiableMap(tokens), Collections.unmodifiableMap(departmentTokens));
  }

  private static String randomHex(SecureRandom random) {
    byte[] raw = new byte[24];
    random.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  /** Demo mode's operator and auditor tokens, in that order. */
  public Map<AdminRole, String> demoTokens() {
    return demoTokens;
  }

  /** Demo mode's department tokens by department code, in the edition's order. */
  public Map<String, String> demoDepartmentTokens() {
    return demoDepartmentTokens;
  }

  public Optional<Admin> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 256) {
      return Optional.empty();
    }
    byte[] hash = Hashes.sha256(token);
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), hash)) {
        return Optional.of(new Admin(entry.role(), HexFormat.of().formatHex(hash, 0, 6), entry.department()));
      }
    }
    return Optional.empty();
  }

  public static String sha256Hex(String token) {
    return Hashes.sha256Hex(token);
  }
}
