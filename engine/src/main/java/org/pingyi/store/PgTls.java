package org.pingyi.store;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * libpq's {@code sslmode} and {@code sslrootcert}, applied the same way to the Vert.x pool and to pgJDBC: allow,
 * prefer and require encrypt without checking the certificate (as libpq does); verify-ca checks it against the root
 * certificate; verify-full also checks that it names the host. {@code sslrootcert=system} means the JVM's trusted
 * authorities.
 */
public record PgTls(Mode mode, Optional<String> rootCert) {
  public static final String SYSTEM_ROOTS = "system";
  public static final PgTls DISABLED = new PgTls(Mode.DISABLE, Optional.empty());

  public enum Mode {
    DISABLE(SslMode.DISABLE), ALLOW(SslMode.ALLOW), PREFER(SslMode.PREFER), REQUIRE(SslMode.REQUIRE),
    VERIFY_CA(SslMode.VERIFY_CA), VERIFY_FULL(SslMode.VERIFY_FULL);

    final SslMode vertx;

    Mode(SslMode vertx) {
      this.vertx = vertx;
    }

    static Mode fromLibpq(String value) {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String libpq() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    boolean verifiesCa() {
      return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Every connection is encrypted (prefer and allow may end up in clear). */
    public boolean alwaysEncrypted() {
      return this == REQUIRE || verifiesCa();
    }
  }

  void applyTo(PgConnectOptions options) {
    options.setSslMode(mode.vertx);
    if (mode == Mode.DISABLE) {
      return;
    }
    ClientSSLOptions ssl = new ClientSSLOptions();
    if (mode.verifiesCa()) {
      ssl.setTrustOptions(trust());
      ssl.setHostnameVerificationAlgorithm(mode == Mode.VERIFY_FULL ? "HTTPS" : "");
    } else {
      ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    options.setSslOptions(ssl);
  }

  void applyTo(PGSimpleDataSource source) {
    source.setSslMode(mode.libpq());
    rootCert.ifPresent(path -> {
      if (SYSTEM_ROOTS.equals(path)) {
        source.setSslfactory("org.postgresql.ssl.DefaultJavaSSLFactory");
      } else {
        source.setSslRootCert(path);
      }
    });
  }

  private TrustOptions trust() {
    String path = rootCert.orElseThrow();
    if (!SYSTEM_ROOTS.equals(path)) {
      return new PemTrustOptions().addCertPath(path);
    }
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return TrustOptions.wrap(factory);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's trusted authorities cannot be read", e);
    }
  }
}
