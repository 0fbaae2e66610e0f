package com.zylker.portal.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import com.zylker.portal.core.token.JpaTokenStore;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoClientSettings;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh queue on the embedded H2 database, as the WARs of one process share it: each "WAR" here is its
 * own {@link AccessTokenService} and {@link RefreshLocks} (their in-memory locks are per WAR) on one database.
 * Zoho's token endpoint is a slow loopback stub, so refreshes overlap.
 */
class RefreshLocksH2Test {

    private static final Duration SLOW = Duration.ofMillis(400);

    private HttpServer zoho;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    /** When set, the token endpoint holds every refresh until it is released (the storm tests). */
    private volatile CountDownLatch hold;
    private TestDatabase db;
    private JpaTokenStore store;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        zoho = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        zoho.setExecutor(Executors.newCachedThreadPool());
        zoho.createContext("/accounts/com/oauth/v2/token", exchange -> {
            int n = tokenCalls.incrementAndGet();
            try {
                CountDownLatch held = hold;
                if (held != null) {
                    held.await(10, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(SLOW.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"access_token\":\"1000.fresh-" + n + "\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        zoho.start();
        base = URI.create("http://127.0.0.1:" + zoho.getAddress().getPort());
        db = TestDatabases.open(TestDatabases.Kind.H2);
        store = new JpaTokenStore(db.transactor(), new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k1",
                new SecureRandom()), null)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        zoho.stop(0);
        db.close();
    }

    @Test
    void parallelRequestsInTwoWarsCauseOneRefresh() throws Exception {
        expiredToken("priya.raman@zylkeracademy.com");
        List<AccessTokenService> wars = List.of(war(dbLocks(3)), war(dbLocks(3)));

        runTogether(20, i -> wars.get(i % 2).current("priya.raman@zylkeracademy.com"));

        assertThat(tokenCalls).as("one refresh for both WARs").hasValue(1);
    }

    @Test
    void controlRunWithoutTheDatabaseLockRefreshesOncePerWar() throws Exception {
        expiredToken("priya.raman@zylkeracademy.com");
        List<AccessTokenService> wars = List.of(war(noDbLock()), war(noDbLock()));

        runTogether(20, i -> wars.get(i % 2).current("priya.raman@zylkeracademy.com"));

        assertThat(tokenCalls).as("the test can tell: each WAR refreshes on its own").hasValue(2);
    }

    @Test
    void fortyRefreshesAgainstASlowZohoLeaveConnectionsForOrdinaryRequests() throws Exception {
        assertThat(refreshStormLetsAnOrdinaryReadThrough(3)).as("ordinary read served during the storm").isTrue();
    }

    @Test
    void controlRunWithoutTheBoundStarvesThePool() throws Exception {
        assertThat(refreshStormLetsAnOrdinaryReadThrough(40)).as("the test can tell: unbounded refreshes hold"
                + " every connection").isFalse();
    }

    /** 40 users refresh at once; meanwhile one ordinary request needs a connection of the same 20-connection pool. */
    private boolean refreshStormLetsAnOrdinaryReadThrough(int maxConcurrent) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add("student" + i + "@zylkeracademy.com");
            expiredToken(users.get(i));
        }
        AccessTokenService war = war(dbLocks(maxConcurrent));
        ExecutorService pool = Executors.newFixedThreadPool(40);
        hold = new CountDownLatch(1); // refreshes stay in flight until the ordinary read has had its chance
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> storm = new ArrayList<>();
            for (String user : users) {
                storm.add(pool.submit(() -> {
                    go.await();
                    try {
                        return war.current(user);
                    } catch (RuntimeException e) {
                        return null; // "Zoho is slow" for the ones that waited too long: fine here
                    }
                }));
            }
            go.countDown();
            // The storm has taken what it can: every refresh the bound lets through is in flight at Zoho, or
            // (unbounded) every connection of the pool is taken; then a moment for the rest to queue.
            com.zaxxer.hikari.HikariPoolMXBean connections = db.dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class)
                    .getHikariPoolMXBean();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (tokenCalls.get() < Math.min(maxConcurrent, users.size())
                    && connections.getActiveConnections() < 20 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(tokenCalls.get()).as("refreshes in flight at Zoho").isPositive();
            Thread.sleep(300);
            CompletableFuture<Optional<OAuthToken>> ordinary = CompletableFuture.supplyAsync(
                    () -> store.findToken(OAuthToken.builder().userName(users.get(0)).build()));
            boolean served;
            try {
                ordinary.get(2, TimeUnit.SECONDS);
                served = true;
            } catch (TimeoutException e) {
                served = false;
            }
            return served;
        } finally {
            hold.countDown();
            pool.shutdownNow(); // a starved control run is not waited for: its threads are interrupted
            pool.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    private interface Call {
        void run(int i);
    }

    private static void runTogether(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                all.add(pool.submit(() -> {
                    go.await();
                    call.run(index);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void expiredToken(String user) {
        store.saveToken(OAuthToken.builder().userName(user).clientId("1000.TEST").accessToken("1000.old-" + user)
                .refreshToken("1000.refresh-" + user).expiryTime(Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS))
                .apiDomain(base.resolve("/api/com").toString()).accountsServer(base.resolve("/accounts/com").toString())
                .build());
    }

    private RefreshLocks dbLocks(int maxConcurrent) {
        RefreshLocks locks = new RefreshLocks();
        locks.dataSource = db.dataSource();
        locks.limitConcurrency(maxConcurrent);
        return locks;
    }

    private static RefreshLocks noDbLock() {
        return new RefreshLocks() {
            @Override
            public <T> T underLock(String tokenId, java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
    }

    private AccessTokenService war(RefreshLocks locks) {
        ZohoDataCentre com = new ZohoDataCentre("com", base.resolve("/accounts/com"), base.resolve("/api/com"));
        AccessTokenService service = new AccessTokenService();
        service.tokenStore = store;
        service.accounts = new ZohoAccounts(List.of(com), "com");
        service.oauth = new ZohoOAuthClient(HttpClient.newHttpClient(), new ZohoClientSettings("1000.TEST", "test-secret",
                URI.create("http://localhost/oauth/callback"), List.of("ZohoCRM.modules.ALL"),
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
        service.refreshLocks = locks;
        service.config = new PortalConfig(null) {
            @Override
            public Optional<String> optionalValue(String key) {
                return Optional.empty();
            }
        };
        return service;
    }
}
