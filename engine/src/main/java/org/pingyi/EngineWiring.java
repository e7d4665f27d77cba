package org.pingyi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pingyi.auth.AccessTokens;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminTokens;
import org.pingyi.auth.DevLoginRoutes;
import org.pingyi.auth.FaceAuth;
import org.pingyi.auth.LoginLimit;
import org.pingyi.auth.LoginRoutes;
import org.pingyi.auth.RepresentativeGuard;
import org.pingyi.ballot.BallotRoutes;
import org.pingyi.ballot.BallotWriter;
import org.pingyi.config.EngineConfig;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionRoutes;
import org.pingyi.http.HealthRoutes;
import org.pingyi.http.PagesRoutes;
import org.pingyi.metrics.EngineMetrics;
import org.pingyi.metrics.FailoverGauges;
import org.pingyi.metrics.MetricsRoutes;
import org.pingyi.metrics.OperationsGauges;
import org.pingyi.outreach.FileSmsSink;
import org.pingyi.outreach.HttpSmsGateway;
import org.pingyi.outreach.ReminderRoutes;
import org.pingyi.outreach.ReminderSender;
import org.pingyi.outreach.ReminderWaves;
import org.pingyi.outreach.SmsGateway;
import org.pingyi.outreach.SuggestionRoutes;
import org.pingyi.outreach.SurveyRoutes;
import org.pingyi.results.Reconcile;
import org.pingyi.results.ResultsRoutes;
import org.pingyi.results.SessionSeal;
import org.pingyi.roster.RosterImporter;
import org.pingyi.roster.RosterRoutes;
import org.pingyi.session.SessionEvents;
import org.pingyi.session.SessionLifecycle;
import org.pingyi.session.SessionRepository;
import org.pingyi.session.SessionRoutes;
import org.pingyi.session.SessionStreamRoutes;
import org.pingyi.store.Backends;
import org.pingyi.store.PrimaryPool;
import org.pingyi.store.RedisStore;
import org.pingyi.store.Secrets;
import org.pingyi.tally.LiveTally;
import org.pingyi.tally.Projection;
import org.pingyi.tally.TallyRoutes;

/**
 * Builds the engine's parts on running servers and starts their background work (tally projection, session
 * events, gauges, reminders); answers the routes the HTTP verticles mount. Blocking: called at start.
 */
record EngineWiring(List<Consumer<Router>> streamingRoutes, List<Consumer<Router>> routes,
    List<Consumer<Router>> managementRoutes, List<Supplier<Future<?>>> stoppers, ReminderSender reminders) {

  /** @param readPool for public reads and the per-second session poll, apart from the pool the ballot writer uses */
  static EngineWiring wire(EngineConfig config, Edition edition, AdminTokens adminTokens, Backends backends, Vertx vertx,
      PrimaryPool pool, PrimaryPool readPool, RedisStore redis, EngineMetrics metrics, RosterImporter importer)
      throws Exception {
    AdminGuard guard = new AdminGuard(adminTokens);
    SessionRepository sessions = new SessionRepository(pool, edition.id());
    SessionRepository publicSessions = new SessionRepository(readPool, edition.id());
    FaceAuth faceAuth = FaceAuth.configure(config, backends.postgres());
    AccessTokens accessTokens = new AccessTokens(
        Base64.getDecoder().decode(Secrets.getOrCreate(backends.postgres(), "access-token-key",
            () -> Base64.getEncoder().encodeToString(AccessTokens.newSecret()))), Clock.systemUTC());
    LiveTally tally = new LiveTally(vertx, redis);
    Projection projection = new Projection(vertx, pool, tally, edition.sessions().stream().map(Edition.Session::id).toList());
    redis.onReconnect(projection::redisReconnected);
    BallotWriter writer = new BallotWriter(vertx, pool, 512, 2, config.limits().ballotsInFlight(), projection::committed,
        metrics::batch, metrics::committed);
    metrics.ballotsInFlight(writer::admitted);
    projection.start();
    SessionEvents events = new SessionEvents(vertx, redis, publicSessions);
    events.start();
    new OperationsGauges(vertx, pool, redis, tally, projection, metrics).start();
    FailoverGauges.register(metrics, pool, redis);
    SmsGateway sms = config.sms()
        .<SmsGateway>map(g -> new HttpSmsGateway(vertx, g.gatewayUrl(), g.auth(), g.template()))
        .orElseGet(() -> new FileSmsSink(vertx, config.dataDir().resolve("sms-sink.ndjson")));
    ReminderSender sender = new ReminderSender(vertx, pool, sms, edition, config.smsRatePerSecond(), metrics::reminder);
    sender.start();
    ReminderWaves waves = new ReminderWaves(vertx, pool, edition);
    waves.scheduleAutomatic();
    RepresentativeGuard representatives = new RepresentativeGuard(accessTokens);
    HealthRoutes health = new HealthRoutes(vertx, readPool, pool, redis, false);

    List<Consumer<Router>> streaming = List.of(new RosterRoutes(vertx, edition, importer, guard)::mount);
    List<Consumer<Router>> routes = new ArrayList<>(List.of(
        health::mount,
        guard::mount,
        new EditionRoutes(edition, events::states)::mount,
        new LoginRoutes(vertx, pool, redis, faceAuth.verifier(), accessTokens, metrics::login,
            new LoginLimit(vertx, redis, config.limits().loginAttemptsPerMinute(), Clock.systemUTC()))::mount,
        new BallotRoutes(edition, pool, readPool, writer, representatives, metrics)::mount,
        new SurveyRoutes(edition, pool, guard)::mount,
        new SuggestionRoutes(edition, pool, representatives, guard)::mount,
        new ReminderRoutes(edition, pool, waves, guard)::mount,
        new TallyRoutes(vertx, edition, pool, tally, projection, sessions, guard, metrics)::mount,
        new ResultsRoutes(edition, pool, readPool, publicSessions, guard, new Reconcile(pool, tally))::mount,
        new SessionStreamRoutes(vertx, events::states, metrics)::mount,
        new SessionRoutes(edition, new SessionLifecycle(pool, sessions, new SessionSeal(edition), events), guard)::mount));
    if (faceAuth.devProvider().isPresent()) {
      routes.add(new DevLoginRoutes(pool, faceAuth.devProvider().get(), FaceAuth.DEV_ISSUER, FaceAuth.DEV_AUDIENCE)::mount);
    }
    routes.add(new PagesRoutes()::mount);
    List<Consumer<Router>> management = List.of(new HealthRoutes(vertx, readPool, pool, redis, true)::mount, new MetricsRoutes(vertx, metrics)::mount);
    return new EngineWiring(streaming, routes, management, List.of(sender::stop, () -> {
      projection.stop();
      events.close();
      return Future.succeededFuture();
    }), sender);
  }
}
