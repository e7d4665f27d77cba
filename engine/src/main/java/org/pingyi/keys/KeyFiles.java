package org.pingyi.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secret files: created owner-only (0600, in a 0700 directory) and atomically, so instances starting together on
 * one directory agree on a single key: each writes a private temporary file and links it into place; the first link
 * wins and the others read the winner's.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private KeyFiles() {}

  /** The file's text; when it does not exist yet, {@code fresh} is written there first. Blocking. */
  public static String readOrCreate(Path file, Supplier<String> fresh) throws IOException {
    if (!Files.exists(file)) {
      create(file, fresh.get());
    }
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  /** Writes a new secret file; an existing one is kept (answers false). */
  public static boolean create(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    }
    Path temp = Files.createTempFile(dir, ".new-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException lostTheRace) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** True when group or others may read the file: a key anyone on the machine can copy. */
  public static boolean readableByOthers(Path file) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException notPosix) {
      return false;
    }
  }
}
