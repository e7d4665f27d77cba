package org.pingyi;

import io.lettuce.core.RedisConnectionException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pingyi.auth.AdminTokens;
import org.pingyi.config.ConfigException;
import org.pingyi.config.EngineConfig;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionHash;
import org.pingyi.edition.EditionLoader;
import org.pingyi.edition.EditionSync;
import org.pingyi.http.AccessLog;
import org.pingyi.http.ApiVerticle;
import org.pingyi.http.ManagementVerticle;
import org.pingyi.http.SecurityHeaders;
import org.pingyi.keys.EngineKeys;
import org.pingyi.metrics.EngineMetrics;
import org.pingyi.rehearsal.Rehearsal;
import org.pingyi.roster.RosterFiles;
import org.pingyi.roster.RosterImporter;
import org.pingyi.roster.RosterParse;
import org.pingyi.store.Backends;
import org.pingyi.store.FreePort;
import org.pingyi.store.LegacySecrets;
import org.pingyi.store.Migrations;
import org.pingyi.store.PgLocation;
import org.pingyi.store.PrimaryPool;
import org.pingyi.store.RedisStore;
import org.pingyi.store.RuntimeGrants;
import org.pingyi.store.RuntimeRoleCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine: its servers, schema, edition, roster and HTTP verticles. Starting blocks the calling thread
 * (never an event loop) until the engine serves; everything slow happens before the HTTP server listens.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final Backends backends;
  private final Edition edition;
  private final AdminTokens adminTokens;
  private final Vertx vertx;
  private final Pool pool;
  private final RedisStore redis;
  private final int httpPort;
  private final int managementPort;
  private final EngineWiring wiring;

  private Engine(EngineConfig config, Backends backends, Edition edition, AdminTokens adminTokens, Vertx vertx,
      Pool pool, RedisStore redis, int httpPort, int managementPort, EngineWiring wiring) {
    this.config = config;
    this.backends = backends;
    this.edition = edition;
    this.adminTokens = adminTokens;
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.wiring = wiring;
  }

  public static Engine start(EngineConfig config) throws Exception {
    return start(config, Clock.systemUTC());
  }

  /**
   * With the clock the engine's own time goes by: the suggestion workflow (deadlines, the daily job), the automatic
   * schedule and extensions. Tests move it; the engine uses the system's.
   */
  public static Engine start(EngineConfig config, Clock clock) throws Exception {
    Edition edition = EditionLoader.load(config.edition());
    String editionSha256 = EditionHash.sha256(config.edition());
    List<String> departments = edition.departments().stream().map(Edition.Department::code).toList();
    AdminTokens adminTokens = config.adminTokens().map(spec -> AdminTokens.parse(spec, Set.copyOf(departments)))
        .orElseGet(() -> AdminTokens.generateForDemo(departments));
    EngineKeys keys = EngineKeys.load(config);
    Backends backends = Backends.start(config);
    Vertx vertx = null;
    Pool pool = null;
    RedisStore redis = null;
    try {
      Migrations.createDatabaseIfMissing(backends.migrations());
      if (LegacySecrets.present(backends.migrations())) {
        LOG.warn("the database holds the old engine_secrets table: its keys are discarded, not moved to the key files, "
            + "because anyone with a copy of the database could mint access tokens with them; representatives sign in again");
      }
      int migrations = Migrations.migrate(backends.migrations());
      LOG.info("schema up to date ({} migration(s) applied now)", migrations);
      secureRuntimeRole(config, backends);
      EditionSync.sync(backends.migrations(), edition);
      PgLocation.Host server = backends.postgres().findServer();
      LOG.info("PostgreSQL pools on {}, the first host of {} that answers as the URL asks; they follow a promotion",
          server, backends.postgres());
      redis = connectRedis(config, backends);
      EngineMetrics metrics = new EngineMetrics();
      vertx = Vertx.builder()
          .with(new VertxOptions().setPreferNativeTransport(true)
              .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
          .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
          .build();
      LOG.info("network transport: {}", vertx.isNativeTransportEnabled() ? "native epoll" : "JDK NIO");
      NetClientOptions network = new NetClientOptions().setConnectTimeout(3000);
      PrimaryPool primary = PrimaryPool.start(vertx, backends.postgres(), server,
          new PoolOptions().setMaxSize(config.pgPoolSize()).setMaxWaitQueueSize(10_000)
              .setConnectionTimeout(5).setConnectionTimeoutUnit(TimeUnit.SECONDS), network);
      pool = primary;
      // Public reads (receipts, published results, readiness) wait on this small pool, never on the writer's.
      PrimaryPool readPool = PrimaryPool.start(vertx, backends.postgres(), server,
          new PoolOptions().setName("public-reads").setMaxSize(config.limits().readPoolSize()).setMaxWaitQueueSize(2_000)
              .setConnectionTimeout(5).setConnectionTimeoutUnit(TimeUnit.SECONDS), network);
      RosterImporter importer = new RosterImporter(pool, edition);
      importRosterIfEmpty(config, edition, importer);

      int port = config.httpPort() == 0 ? FreePort.find() : config.httpPort();
      EngineWiring wiring = EngineWiring.wire(config, edition, editionSha256, keys, adminTokens, backends, vertx, primary,
          readPool, redis, metrics, importer, clock);
      List<Consumer<Router>> streaming = wiring.streamingRoutes();
      List<Consumer<Router>> routes = wiring.routes();
      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      vertx.deployVerticle(() -> new ApiVerticle(port, streaming, routes, metrics::eventLoopLag,
          new SecurityHeaders(config.hstsSeconds()), new AccessLog(config.accessLog(), wiring.warmUpGate())),
          new DeploymentOptions().setInstances(instances)).await();
      ManagementVerticle management = new ManagementVerticle(config.managementPort(), wiring.managementRoutes());
      vertx.deployVerticle(management).await();
      // Readiness stays 503 until this is done: no phone meets a cold ballot path.
      var warmUp = wiring.warmUp().run(port, config.warmUpBallots()).await();
      if (warmUp.ballots() > 0) {
        LOG.info("ballot path warmed up: {} ballots from nobody in {} ms, answers {} (nothing stored)", warmUp.ballots(),
            warmUp.millis(), warmUp.statuses());
      }
      return new Engine(config, backends, edition, adminTokens, vertx, pool, redis, port, management.actualPort(), wiring);
    } catch (Exception | Error e) {
      closeQuietly(vertx, pool, redis, backends);
      throw e;
    }
  }

  private static RedisStore connectRedis(EngineConfig config, Backends backends) {
    try {
      return RedisStore.connect(backends.redis(), config.redisNamespace());
    } catch (RedisConnectionException e) {
      if (config.embeddedRedis()) {
        throw e;
      }
      throw new ConfigException("redis.url (PINGYI_REDIS_URL): cannot connect to " + backends.redis().describe() + ": "
          + e.getMessage(), e);
    }
  }

  /** Grants the runtime role its rights, then refuses (production) or warns about a role that could undo them. */
  private static void secureRuntimeRole(EngineConfig config, Backends backends) throws Exception {
    String runtime = backends.postgres().user();
    if (backends.separateRuntimeRole()) {
      RuntimeGrants.apply(backends.migrations(), runtime);
    }
    List<String> problems = RuntimeRoleCheck.problems(backends.postgres());
    if (problems.isEmpty()) {
      LOG.info("database: migrations as {}, serving as {} (owns nothing; INSERT and SELECT only on ballots, results and the audit log)",
          backends.migrations().user(), runtime);
      return;
    }
    String what = "the runtime role '" + runtime + "' " + String.join("; ", problems);
    if (config.profile() == EngineConfig.Profile.PRODUCTION) {
      throw new ConfigException("postgres.url (PINGYI_PG_URL): " + what + ". Production serves as a role that owns "
          + "nothing; give the owner in postgres.migrationUrl (PINGYI_PG_MIGRATION_URL)");
    }
    LOG.warn("INSECURE DATABASE ROLE (development only): {}; set PINGYI_PG_MIGRATION_URL to the owner role and "
        + "PINGYI_PG_URL to a role that owns nothing", what);
  }

  private static void importRosterIfEmpty(EngineConfig config, Edition edition, RosterImporter importer) throws Exception {
    long present = importer.count().await();
    if (present > 0) {
      LOG.info("roster holds {} representatives", present);
      return;
    }
    if (!java.nio.file.Files.isRegularFile(config.roster())) {
      LOG.warn("roster is empty and {} does not exist; import one with POST /api/v1/admin/roster", config.roster());
      return;
    }
    RosterParse parse = RosterFiles.read(config.roster(), edition);
    if (!parse.ok()) {
      throw new IllegalStateException("roster " + config.roster() + " is not acceptable: " + parse.errors().size()
          + " problem(s), first: " + parse.errors().get(0).field() + ": " + parse.errors().get(0).message());
    }
    var outcome = importer.apply(parse.entries(), "system:start").await();
    LOG.info("roster was empty: imported {} representatives from {}", outcome.imported(), config.roster());
  }

  public int httpPort() {
    return httpPort;
  }

  /** Where /metrics and /health/* answer for Prometheus and load balancers (the configured port, or the one picked for 0). */
  public int managementPort() {
    return managementPort;
  }

  public EngineConfig config() {
    return config;
  }

  public Edition edition() {
    return edition;
  }

  public Backends backends() {
    return backends;
  }

  public AdminTokens adminTokens() {
    return adminTokens;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Pool pool() {
    return pool;
  }

  /** The dress rehearsal this engine runs, if {@code rehearse} started it. */
  public Optional<Rehearsal> rehearsal() {
    return wiring.rehearsal();
  }

  /** For operators' maintenance and tests: this instance stops claiming reminders (others go on). */
  public void pauseReminders() {
    wiring.reminders().stop().await();
  }

  public void resumeReminders() {
    wiring.reminders().start();
  }

  /** For operators' maintenance and tests: runs the suggestions' daily job now, if no instance has run it today. */
  public io.vertx.core.Future<Boolean> runSuggestionDay() {
    return wiring.suggestionDay().runIfDue();
  }

  /** Lets background work settle (sends under way finish), then stops Vert.x and what the engine started. */
  @Override
  public void close() {
    for (var stopper : wiring.stoppers()) {
      try {
        stopper.get().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("stopping background work: {}", e.toString());
      }
    }
    closeQuietly(vertx, pool, redis, backends);
  }

  private static void closeQuietly(Vertx vertx, Pool pool, RedisStore redis, Backends backends) {
    try {
      if (vertx != null) {
        vertx.close().await();
      }
    } catch (Exception e) {
      LOG.warn("closing Vert.x failed: {}", e.toString());
    }
    if (redis != null) {
      redis.close();
    }
    backends.close();
  }
}
