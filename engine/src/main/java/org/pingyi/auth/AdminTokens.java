package org.pingyi.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingyi.Hashes;
import org.pingyi.config.ConfigException;

/**
 * The admin tokens of PINGYI_ADMIN_TOKENS ({@code role:sha256hex,…}). Only hashes are kept; a presented token is
 * hashed and compared in constant time. Demo mode makes fresh tokens for the run and hands them to the start banner.
 */
public final class AdminTokens {

  private final List<Entry> entries;
  private final Map<AdminRole, String> demoTokens;

  private record Entry(AdminRole role, byte[] hash) {}

  private AdminTokens(List<Entry> entries, Map<AdminRole, String> demoTokens) {
    this.entries = entries;
    this.demoTokens = demoTokens;
  }

  public static AdminTokens parse(String spec) {
    List<Entry> entries = new ArrayList<>();
    for (String item : spec.split(",")) {
      String[] parts = item.trim().split(":", 2);
      if (parts.length != 2 || !parts[1].matches("[0-9a-fA-F]{64}")) {
        throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): each entry must be role:sha256hex");
      }
      AdminRole role;
      try {
        role = AdminRole.valueOf(parts[0].trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("adminTokens (PINGYI_ADMIN_TOKENS): unknown role '" + parts[0].trim() + "' (operator, auditor)");
      }
      entries.add(new Entry(role, HexFormat.of().parseHex(parts[1].toLowerCase())));
    }
    return new AdminTokens(List.copyOf(entries), Map.of());
  }

  /** One fresh operator and one fresh auditor token, valid for this run only. */
  public static AdminTokens generateForDemo() {
    SecureRandom random = new SecureRandom();
    Map<AdminRole, String> tokens = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (AdminRole role : AdminRole.values()) {
      byte[] raw = new byte[24];
      random.nextBytes(raw);
      String token = role.name().substring(0, 3) + "_" + HexFormat.of().formatHex(raw);
      tokens.put(role, token);
      entries.add(new Entry(role, Hashes.sha256(token)));
    }
    return new AdminTokens(List.copyOf(entries), Map.copyOf(tokens));
  }

  public Map<AdminRole, String> demoTokens() {
    return demoTokens;
  }

  public Optional<Admin> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 256) {
      return Optional.empty();
    }
    byte[] hash = Hashes.sha256(token);
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), hash)) {
        return Optional.of(new Admin(entry.role(), HexFormat.of().formatHex(hash, 0, 6)));
      }
    }
    return Optional.empty();
  }

  public static String sha256Hex(String token) {
    return Hashes.sha256Hex(token);
  }
}
