package org.pingyi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pingyi.audit.AuditQuery;
import org.pingyi.audit.AuditRoutes;
import org.pingyi.auth.AccessTokens;
import org.pingyi.auth.AdminGuard;
import org.pingyi.auth.AdminTokens;
import org.pingyi.auth.CitizenIds;
import org.pingyi.auth.CitizenLoginRoutes;
import org.pingyi.auth.DevLoginRoutes;
import org.pingyi.auth.FaceAuth;
import org.pingyi.auth.FaceLogin;
import org.pingyi.auth.LoginLimit;
import org.pingyi.auth.LoginOutcomes;
import org.pingyi.auth.LoginRoutes;
import org.pingyi.auth.RepresentativeGuard;
import org.pingyi.ballot.BallotRoutes;
import org.pingyi.ballot.BallotWriter;
import org.pingyi.config.EngineConfig;
import org.pingyi.draw.DrawOffice;
import org.pingyi.draw.DrawRoutes;
import org.pingyi.edition.Edition;
import org.pingyi.edition.EditionRoutes;
import org.pingyi.http.HealthRoutes;
import org.pingyi.http.PagesRoutes;
import org.pingyi.keys.EngineKeys;
import org.pingyi.keys.KeysRoutes;
import org.pingyi.keys.Pseudonyms;
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
import org.pingyi.outreach.SurveyRoutes;
import org.pingyi.quality.FormServings;
import org.pingyi.quality.QualityRoutes;
import org.pingyi.report.ReportRoutes;
import org.pingyi.results.Reconcile;
import org.pingyi.results.ResultsRoutes;
import org.pingyi.results.ResultsSigner;
import org.pingyi.results.SessionSeal;
import org.pingyi.roster.Electorate;
import org.pingyi.roster.ElectorateRoutes;
import org.pingyi.roster.RosterImporter;
import org.pingyi.roster.RosterRoutes;
import org.pingyi.roster.Withdrawals;
import org.pingyi.session.ScheduleRoutes;
import org.pingyi.rehearsal.Rehearsal;
import org.pingyi.rehearsal.RehearsalRoutes;
import org.pingyi.session.SessionEvents;
import org.pingyi.session.SessionExtension;
import org.pingyi.session.SessionLifecycle;
import org.pingyi.session.SessionRepository;
import org.pingyi.session.SessionRoutes;
import org.pingyi.session.SessionScheduler;
import org.pingyi.session.SessionStreamRoutes;
import org.pingyi.store.Backends;
import org.pingyi.store.PrimaryPool;
import org.pingyi.store.RedisStore;
import org.pingyi.suggestion.AuthorActions;
import org.pingyi.suggestion.AuthorGuard;
import org.pingyi.suggestion.AuthorRoutes;
import org.pingyi.suggestion.SuggestionAdminRoutes;
import org.pingyi.suggestion.SuggestionDay;
import org.pingyi.suggestion.SuggestionStats;
import org.pingyi.suggestion.SuggestionWorkflow;
import org.pingyi.tally.BallotsPerMinute;
import org.pingyi.tally.LiveTally;
import org.pingyi.tally.Projection;
import org.pingyi.tally.TallyRoutes;
import org.pingyi.tally.Turnout;
import org.pingyi.tally.TurnoutFeed;
import org.pingyi.tally.TurnoutRoutes;
import org.pingyi.warmup.WarmUp;
import org.pingyi.warmup.WarmUpGate;
import org.pingyi.venue.VenueBallots;
import org.pingyi.venue.VenueRoutes;

/**
 * Builds the engine's parts on running servers and starts their background work (tally projection, session
 * events, the automatic schedule, gauges, reminders, form servings); answers the routes the HTTP verticles mount.
 * Blocking: called at start.
 */
record EngineWiring(List<Consumer<Router>> streamingRoutes, List<Consumer<Router>> routes,
    List<Consumer<Router>> managementRoutes, List<Supplier<Future<?>>> stoppers, ReminderSender reminders,
    SuggestionDay suggestionDay, Optional<Rehearsal> rehearsal, WarmUp warmUp, WarmUpGate warmUpGate) {

  /**
   * @param pool the ballot writer's, following the primary
   * @param readPool for public reads and the per-second checks (session poll, schedule), apart from the pool the
   *     ballot writer uses; it follows the primary too
   * @param clock the engine's own time: the suggestion loop (deadlines, the daily job), the automatic schedule and
   *     extensions
   */
  static EngineWiring wire(EngineConfig config, Edition edition, String editionSha256, EngineKeys keys,
      AdminTokens adminTokens, Backends backends, Vertx vertx, PrimaryPool pool, PrimaryPool readPool, RedisStore redis,
      EngineMetrics metrics, RosterImporter importer, Clock clock) throws Exception {
    AdminGuard guard = new AdminGuard(adminTokens);
    SessionRepository sessions = new SessionRepository(pool, edition.id());
    SessionRepository publicSessions = new SessionRepository(readPool, edition.id());
    FaceAuth faceAuth = FaceAuth.configure(config, keys);
    AccessTokens accessTokens = new AccessTokens(keys.accessTokenSecret(), config.accessTokenLifetime(), Clock.systemUTC());
    WarmUpGate warmUpGate = config.warmUpBallots() > 0 ? new WarmUpGate() : WarmUpGate.open();
    Pseudonyms pseudonyms = Pseudonyms.forEdition(keys.pseudonymSecret(), edition.id());
    Electorate electorate = new Electorate(vertx, pool, readPool, edition, pseudonyms);
    LiveTally tally = new LiveTally(vertx, redis);
    Projection projection = new Projection(vertx, pool, tally, edition.sessions().stream().map(Edition.Session::id).toList());
    redis.onReconnect(projection::redisReconnected);
    BallotWriter writer = new BallotWriter(vertx, pool, 512, 2, config.limits().ballotsInFlight(), projection::committed,
        projection::commitUncertain, metrics::batch, metrics::committed);
    metrics.ballotsInFlight(writer::admitted);
    projection.start();
    SessionEvents events = new SessionEvents(vertx, redis, publicSessions);
    events.start();
    new OperationsGauges(vertx, pool, redis, tally, projection, metrics, edition.minCellSize()).start();
    FailoverGauges.register(metrics, pool, redis);
    SessionSeal seal = new SessionSeal(edition, editionSha256, pseudonyms, new ResultsSigner(keys.results()));
    // One lifecycle for the operator and the automatic schedule: every open, by hand or by the clock, locks the roster.
    SessionLifecycle lifecycle = new SessionLifecycle(pool, sessions, seal, events, electorate::opening);
    // Its once-a-second read is on the public-reads pool, never the ballot writer's; its steps go through the lifecycle.
    SessionScheduler scheduler = new SessionScheduler(vertx, edition, publicSessions, lifecycle, clock, metrics.registry());
    scheduler.start();
    FormServings forms = new FormServings(vertx, pool);
    forms.start();
    // The consoles' eligible counts, every ten seconds while one watches: on the public-reads pool, not the writer's.
    Turnout turnout = new Turnout(edition, readPool, tally);
    SmsGateway sms = config.sms()
        .<SmsGateway>map(g -> new HttpSmsGateway(vertx, g.gatewayUrl(), g.auth(), g.template()))
        .orElseGet(() -> new FileSmsSink(vertx, config.dataDir().resolve("sms-sink.ndjson")));
    ReminderSender sender = new ReminderSender(vertx, pool, sms, edition, config.smsRatePerSecond(), metrics::reminder, metrics::notice);
    sender.start();
    ReminderWaves waves = new ReminderWaves(vertx, pool, edition);
    waves.scheduleAutomatic();
    RepresentativeGuard representatives = new RepresentativeGuard(accessTokens, pool);
    HealthRoutes health = new HealthRoutes(vertx, readPool, pool, redis, false, warmUpGate);
    CitizenIds citizenIds = CitizenIds.fromKey(keys.citizenIdSecret());
    String faceIssuer = config.faceAuth().map(EngineConfig.FaceAuth::issuer).orElse(FaceAuth.DEV_ISSUER);
    // One limit per face-auth subject, whichever sign-in it tries (/auth/face or /auth/citizen), across instances.
    LoginLimit loginLimit = new LoginLimit(vertx, redis, config.limits().loginAttemptsPerMinute(), Clock.systemUTC());
    LoginOutcomes citizenLogins = outcome -> metrics.login("citizen_" + outcome);
    FaceLogin representativeFaces = new FaceLogin(vertx, redis, faceAuth.verifier(), metrics::login, loginLimit);
    FaceLogin citizenFaces = new FaceLogin(vertx, redis, faceAuth.verifier(), citizenLogins, loginLimit);
    SuggestionDay suggestionDay = new SuggestionDay(vertx, edition, pool, clock);
    suggestionDay.start();

    DrawRoutes draws = new DrawRoutes(vertx, new DrawOffice(vertx, pool, readPool, edition, importer), guard);
    List<Consumer<Router>> streaming = List.of(new RosterRoutes(vertx, edition, importer, guard)::mount, draws::mountStreaming);
    List<Consumer<Router>> routes = new ArrayList<>(List.of(
        health::mount,
        guard::mount,
        new EditionRoutes(edition, events::states)::mount,
        new LoginRoutes(pool, representativeFaces, accessTokens, metrics::login)::mount,
        new BallotRoutes(edition, pool, readPool, writer, representatives, metrics, forms::served,
            new VenueBallots(edition, pool), warmUpGate)::mount,
        new VenueRoutes(edition, readPool, guard)::mount,
        new SurveyRoutes(edition, pool, guard)::mount,
        new CitizenLoginRoutes(citizenFaces, faceIssuer, citizenIds, accessTokens, citizenLogins)::mount,
        new AuthorRoutes(edition, new AuthorActions(edition, pool, clock), new AuthorGuard(accessTokens))::mount,
        new SuggestionAdminRoutes(vertx, edition, pool, clock, new SuggestionWorkflow(edition, pool, clock),
            new SuggestionStats(edition, pool), guard)::mount,
        new ReminderRoutes(edition, pool, waves, guard)::mount,
        new TallyRoutes(vertx, edition, pool, tally, projection, sessions, guard, metrics)::mount,
        new TurnoutRoutes(vertx, edition, turnout, new TurnoutFeed(vertx, turnout), new BallotsPerMinute(pool), guard,
            metrics)::mount,
        new QualityRoutes(edition, pool, guard)::mount,
        new AuditRoutes(new AuditQuery(pool), guard)::mount,
        new ResultsRoutes(edition, pool, readPool, publicSessions, guard, new Reconcile(pool, tally), pseudonyms)::mount,
        // Read on the public-reads pool: once every session is published anyone may download it.
        new ReportRoutes(vertx, edition, editionSha256, pool, readPool, guard, turnout,
            new SuggestionStats(edition, readPool), clock)::mount,
        new KeysRoutes(keys.results())::mount,
        new ElectorateRoutes(electorate, new Withdrawals(pool, electorate), guard)::mount,
        new SessionStreamRoutes(vertx, events::states, metrics)::mount,
        new ScheduleRoutes(edition, new SessionExtension(pool, events, clock), guard)::mount,
        new SessionRoutes(edition, lifecycle, guard)::mount,
        draws::mount));
    if (faceAuth.devProvider().isPresent()) {
      routes.add(new DevLoginRoutes(pool, faceAuth.devProvider().get(), FaceAuth.DEV_ISSUER, FaceAuth.DEV_AUDIENCE)::mount);
    }
    // Only in an engine that rehearse started: its database, Redis namespace, keys and edition are the rehearsal's.
    Optional<Rehearsal> rehearsal = config.rehearsal()
        ? Optional.of(Rehearsal.load(vertx, pool, edition, config.dataDir()))
        : Optional.empty();
    rehearsal.ifPresent(r -> routes.add(new RehearsalRoutes(vertx, r, edition, config.edition(), events, pool, guard)::mount));
    routes.add(new PagesRoutes()::mount);
    List<Consumer<Router>> management = List.of(new HealthRoutes(vertx, readPool, pool, redis, true, warmUpGate)::mount, new MetricsRoutes(vertx, metrics)::mount);
    return new EngineWiring(streaming, routes, management, List.of(sender::stop, () -> {
      suggestionDay.stop();
      scheduler.stop();
      forms.stop();
      projection.stop();
      events.close();
      rehearsal.ifPresent(Rehearsal::close);
      return Future.succeededFuture();
    }), sender, suggestionDay, rehearsal, new WarmUp(vertx, accessTokens, edition, warmUpGate, events::states), warmUpGate);
  }
}
