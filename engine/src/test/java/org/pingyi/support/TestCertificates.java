package org.pingyi.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away certificate authority and a server certificate it signed, made with openssl for TLS tests. */
public final class TestCertificates {
  private TestCertificates() {}

  /** A self-signed CA: {@code dir/<name>.pem} (certificate) and {@code dir/<name>.key}. */
  public static Path authority(Path dir, String name) throws Exception {
    Path cert = dir.resolve(name + ".pem");
    openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
        "-keyout", dir.resolve(name + ".key").toString(), "-out", cert.toString(),
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return cert;
  }

  /**
   * A server certificate for the DNS name {@code host}, signed by the CA {@code ca} made above: {@code dir/server.crt}
   * and {@code dir/server.key} (readable by its owner only, as PostgreSQL insists).
   */
  public static void server(Path dir, Path ca, String host) throws Exception {
    Path caKey = ca.resolveSibling(ca.getFileName().toString().replace(".pem", ".key"));
    Path ext = Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:" + host + "\nbasicConstraints=CA:FALSE\n"
        + "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + host, "-keyout", dir.resolve("server.key").toString(),
        "-out", dir.resolve("server.csr").toString());
    openssl(dir, "x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-set_serial", String.valueOf(System.nanoTime()), "-days", "2", "-extfile", ext.toString(),
        "-out", dir.resolve("server.crt").toString());
    Files.setPosixFilePermissions(dir.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  private static void openssl(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
    }
  }
}
