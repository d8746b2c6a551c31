package io.mathsketch.server;

import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.helidon.openapi.OpenApiFeature;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.Recognizer;
import io.mathsketch.server.access.AdminRequests;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.access.SecurityHeaders;
import io.mathsketch.server.access.SecurityHeadersFilter;
import io.mathsketch.server.access.StalledConnections;
import io.mathsketch.server.access.ClientIdFilter;
import io.mathsketch.server.access.ClosingConnections;
import io.mathsketch.server.access.ImageAdmission;
import io.mathsketch.server.access.RateLimitFilter;
import io.mathsketch.server.access.WorkCharge;
import io.mathsketch.server.api.BodyBudget;
import io.mathsketch.server.api.MethodNotAllowed;
import io.mathsketch.server.api.ModelService;
import io.mathsketch.server.api.PresentedTokenFilter;
import io.mathsketch.server.api.RecognitionService;
import io.mathsketch.server.api.RouteRecorder;
import io.mathsketch.server.api.StatsService;
import io.mathsketch.server.config.ServerSettings;
import io.mathsketch.server.observe.EngineMetrics;
import io.mathsketch.server.observe.FeaturePaths;
import io.mathsketch.server.observe.HttpMetricsFilter;
import io.mathsketch.server.observe.OutOfMemoryWatch;
import io.mathsketch.server.observe.HealthChecks;
import io.mathsketch.server.observe.StoreMetrics;
import io.mathsketch.server.problem.BodilessErrors;
import io.mathsketch.server.problem.ProblemDirectHandler;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.store.Database;
import io.mathsketch.server.store.DatabaseStatus;
import io.mathsketch.server.store.RecognitionStore;
import io.mathsketch.server.store.RecognitionWriter;
import io.mathsketch.server.store.RetentionJob;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running MathSketch server: engine, database, group-commit writer and web server, started in that order and
 * stopped in reverse: stop accepting requests and let in-flight ones finish, commit pending writes, close the engine,
 * close the database.
 */
public final class MathSketchServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MathSketchServer.class.getName());
    /** The page's files on the class path, served under {@code /}. */
    private static final String PAGE_FOLDER = "web";

    private final WebServer webServer;
    private final RecognitionWriter writer;
    private final RetentionJob retention;
    private final Recognizer recognizer;
    private final Database database;
    private final StoreMetrics storeMetrics;
    private final BodyBudget bodies;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MathSketchServer(WebServer webServer, RecognitionWriter writer, RetentionJob retention,
                             Recognizer recognizer, Database database, StoreMetrics storeMetrics,
                             BodyBudget bodies) {
        this.webServer = webServer;
        this.writer = writer;
        this.retention = retention;
        this.recognizer = recognizer;
        this.database = database;
        this.storeMetrics = storeMetrics;
        this.bodies = bodies;
    }

    /**
     * Starts everything.
     *
     * @param config the root configuration (for the named SQL statements and Helidon's own server keys)
     * @param settings the validated settings read from it
     * @param engines opens the engine
     * @param registry where metrics are registered (the one {@link FeaturePaths#METRICS} serves)
     */
    public static MathSketchServer start(Config config, ServerSettings settings, RecognizerFactory engines,
                                         MeterRegistry registry) throws ModelLoadException {
        // The two slow steps of a start (loading the models with their warm-up, and opening and migrating the
        // database) need nothing from each other: the database opens on its own thread while the models load.
        StartingDatabase starting = StartingDatabase.open(settings.database(), config.get("db.statements"));
        Recognizer recognizer;
        try {
            recognizer = engines.open(settings.engine(),
                    new EngineMetrics(registry, settings.engine().engine(), settings.engine().device()));
        } catch (ModelLoadException | RuntimeException e) {
            starting.abandon();
            throw e;
        }
        Database database = null;
        RecognitionWriter writer = null;
        RetentionJob retention = null;
        try {
            OutOfMemoryWatch heap = new OutOfMemoryWatch();
            database = starting.await();
            DatabaseStatus status = new DatabaseStatus(settings.store().retryInterval());
            RecognitionStore store = new RecognitionStore(database);
            StoreMetrics storeMetrics = new StoreMetrics(registry);
            writer = new RecognitionWriter(store, status, storeMetrics, settings.store().maxBatch(),
                    settings.store().queueCapacity(), settings.store().queueBytes(), heap);
            retention = RetentionJob.start(store, status, storeMetrics, settings.store().retention());

            AdminToken adminToken = new AdminToken(settings.admin().token());
            AdminRequests adminRequests = new AdminRequests(adminToken);
            BodyBudget bodies = new BodyBudget(settings.server().maxBodyBytesInFlight(),
                    settings.rateLimit().perAddress() == 0 ? 100 : BodyBudget.ADDRESS_SHARE_PERCENT);
            RateLimitFilter rateLimit = new RateLimitFilter(settings.rateLimit());
            // Recognitions reach the engine through the admission that charges an image by its size.
            RecognitionService recognitions = new RecognitionService(
                    new ImageAdmission(recognizer, rateLimit, settings.engine().limits()), writer, store, status,
                    settings.store(), settings.engine().limits(), adminToken, bodies, new WorkCharge(rateLimit));
            StatsService stats = new StatsService(store, status, settings.stats().maxAge());
            ModelService models = new ModelService(recognizer, adminToken);

            HealthObserver health = HealthObserver.builder()
                    .endpoint(FeaturePaths.HEALTH_ENDPOINT)
                    .details(true)
                    .addChecks(HealthChecks.create(recognizer, store, status, adminRequests::current)
                            .toArray(new HealthCheck[0]))
                    .addCheck(heap.check())
                    .build();
            ObserveFeature observe = ObserveFeature.builder()
                    .endpoint(FeaturePaths.OBSERVE)
                    .observersDiscoverServices(false)
                    .addObserver(health)
                    .addObserver(MetricsObserver.builder()
                            .endpoint(FeaturePaths.METRICS_ENDPOINT)
                            .meterRegistry(registry)
                            .build())
                    .build();

            SecurityHeaders securityHeaders = new SecurityHeaders(settings.server().secureCookie());
            WebServerConfig.Builder server = WebServer.builder()
                    .config(config.get("server"))
                    .host(settings.server().host())
                    .port(settings.server().port())
                    .maxPayloadSize(settings.drainedPayloadBytes())
                    .shutdownGracePeriod(settings.server().shutdownGrace())
                    .shutdownHook(false)
                    .featuresDiscoverServices(false)
                    // Hands Helidon's reason for refusing a request (all of them safe to show) to the direct
                    // handler, which needs it to tell an oversized request head (431) from a malformed one (400).
                    .errorHandling(errors -> errors.includeEntity(true))
                    .directHandlers(handlers -> ProblemDirectHandler.register(handlers, securityHeaders::set))
                    .addFeature(observe)
                    .addFeature(OpenApiFeature.builder().webContext(FeaturePaths.OPENAPI).build())
                    .addFeature(StaticContentFeature.builder()
                            .addClasspath(page -> page.location(PAGE_FOLDER).welcome(PageFiles.WELCOME).context("/"))
                            .build())
                    .routing(routing -> routing(routing, recognitions, stats, models, registry,
                            rateLimit, adminRequests, new ClientIdFilter(settings.server().secureCookie()),
                            new PresentedTokenFilter(adminToken, List.of(ModelService.RELOAD_ROUTE)), heap,
                            !settings.cors().allowedOrigins().isEmpty(), securityHeaders));
            // HTTP/1 through StalledConnections only (Helidon's discovered selector would be a second candidate,
            // and with two the server reads a connection's first bytes before any sweep can see it).
            server.protocolsDiscoverServices(false)
                    .addConnectionSelector(new StalledConnections(Http1ConnectionSelector.builder()
                            .config(Http1Config.create(config.get("server.protocols.http_1_1")))
                            .build(), server.idleConnectionTimeout()));
            if (settings.server().accessLog()) {
                server.addFeature(AccessLogFeature.builder()
                        .format("%h %l %u %t %r %s %b %{Referer}i %{User-Agent}i %D")
                        .build());
            }
            if (!settings.cors().allowedOrigins().isEmpty()) {
                server.addFeature(CorsFeature.builder()
                        .addDefaults(false)
                        .addPath(p -> p.pathPattern("/api/*")
                                .allowOrigins(Set.copyOf(settings.cors().allowedOrigins()))
                                .allowMethods(Set.of("GET", "POST", "PUT", "DELETE"))
                                .exposeHeaders(Set.of("Location", "Warning", "Retry-After")))
                        .build());
            }
            WebServer webServer = server.build().start();
            if (!webServer.isRunning()) {
                // Helidon logs a listener that cannot bind (a port in use) and returns a server that is not running.
                webServer.stop();
                throw new IllegalStateException("the web server did not start: is port " + settings.server().port()
                        + " on " + settings.server().host() + " already in use? (see the log above)");
            }
            return new MathSketchServer(webServer, writer, retention, recognizer, database, storeMetrics, bodies);
        } catch (RuntimeException e) {
            if (retention != null) {
                retention.close();
            }
            if (writer != null) {
                writer.close();
            }
            recognizer.close();
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    static void routing(HttpRouting.Builder routing, RecognitionService recognitions, StatsService stats,
                        ModelService models, MeterRegistry registry, RateLimitFilter rateLimit,
                        AdminRequests adminRequests, ClientIdFilter clientIds, PresentedTokenFilter presentedToken,
                        OutOfMemoryWatch heap, boolean cors, SecurityHeaders securityHeaders) {
        RouteRecorder served = new RouteRecorder();
        api(served, recognitions, stats, models);
        // In this order: a limited request is still counted (under the route it asked for, which routing never
        // matched), carries the security headers and is limited by the client id it was just given; a wrong token
        // is refused after the limit, which so slows down guessing it.
        Map<String, Long> pageFiles = PageFiles.sizes(PAGE_FOLDER);
        routing.addFilter(new ClosingConnections());
        routing.addFilter(new BodilessErrors());
        routing.addFilter(new HttpMetricsFilter(registry, served.routes().stream()
                .map(route -> route.substring(route.indexOf(' ') + 1)).distinct().toList()));
        routing.addFilter(new SecurityHeadersFilter(securityHeaders));
        routing.addFilter(new PageRequestHeaders(pageFiles));
        routing.addFilter(adminRequests);
        routing.addFilter(clientIds);
        routing.addFilter(rateLimit);
        routing.addFilter(presentedToken);
        api(routing, recognitions, stats, models);
        List<String> paths = new ArrayList<>(served.routes());
        paths.addAll(featureRoutes(pageFiles.keySet()));
        MethodNotAllowed.register(routing, paths, cors);
        routing.error(Throwable.class, new ProblemErrorHandler(heap));
    }

    /**
     * What Helidon's features serve, as {@code "METHOD /path"}: the health checks (which answer {@code HEAD} too),
     * the metrics (whose {@code OPTIONS} answers their metadata), the OpenAPI document and the page's files. Any
     * other method on these paths is 405; their other paths (a metric scope, a check by name) are left as Helidon
     * answers them.
     *
     * @param pageFiles the page's files as request paths ({@link PageFiles#sizes})
     */
    static List<String> featureRoutes(Collection<String> pageFiles) {
        List<String> routes = new ArrayList<>();
        for (String path : FeaturePaths.HEALTH_PATHS) {
            routes.add("GET " + path);
            routes.add("HEAD " + path);
        }
        routes.add("GET " + FeaturePaths.METRICS);
        routes.add("OPTIONS " + FeaturePaths.METRICS);
        routes.add("GET " + FeaturePaths.OPENAPI);
        for (String path : pageFiles) {
            routes.add("GET " + path);
            routes.add("HEAD " + path);
        }
        return routes;
    }

    /** Where each API service is mounted; {@code OpenApiDocumentTest} checks these routes against the document. */
    static void api(HttpRules rules, RecognitionService recognitions, StatsService stats, ModelService models) {
        rules.register("/api/v1/recognitions", recognitions)
                .register("/api/v1/stats", stats)
                .register("/api/v1/models", models);
    }

    public int port() {
        return webServer.port();
    }

    /** The retention purge, which tests run on demand. */
    public RetentionJob retention() {
        return retention;
    }

    /** Group-commit counters, for tests and the start-up log. */
    public StoreMetrics storeMetrics() {
        return storeMetrics;
    }

    /** The request bodies' budget, which tests read. */
    public BodyBudget bodyBudget() {
        return bodies;
    }

    /** Stops accepting requests, waits for in-flight ones, commits pending writes, then frees the engine. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.INFO, "Shutting down: draining requests and pending writes");
        webServer.stop();
        retention.close();
        writer.close();
        recognizer.close();
        database.close();
        LOG.log(Level.INFO, "Shut down");
    }
}
