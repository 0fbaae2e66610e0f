package com.zylker.portal.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import com.zylker.portal.core.token.JpaTokenStore;
import com.zylker.portal.core.zoho.ZohoAccess;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a refresh does with Zoho's answers: a new token saved and handed out; a dead refresh token
 * ({@code invalid_code}) ends the sign-in; a refusal that points at our own client keeps it; a token someone
 * else already renewed is used without asking Zoho again; a refresh racing a sign-out or a new sign-in never
 * writes back stale values. Zoho is a loopback stub; the store is the real JpaTokenStore on H2.
 */
class AccessTokenServiceRefreshTest {

    private static final String USER = "priya.raman@zylkeracademy.com";

    private HttpServer zoho;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private volatile String tokenAnswer;
    private volatile Runnable duringTokenCall = () -> { };
    private volatile int tokenStatus = 200;
    private final MutableClock clock = new MutableClock();
    private TestDatabase db;
    private JpaTokenStore store;
    private AccessTokenService service;

    @BeforeEach
    void start() throws IOException {
        zoho = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        zoho.createContext("/accounts/com/oauth/v2/token", exchange -> {
            tokenCalls.incrementAndGet();
            duringTokenCall.run();
            byte[] body = tokenAnswer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(tokenStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        zoho.start();
        URI base = URI.create("http://127.0.0.1:" + zoho.getAddress().getPort());
        ZohoDataCentre com = new ZohoDataCentre("com", base.resolve("/accounts/com"), base.resolve("/api/com"));
        db = TestDatabases.open(TestDatabases.Kind.H2);
        store = new JpaTokenStore(db.transactor(), new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k1",
                new SecureRandom()), null)), Clock.systemUTC());
        service = new AccessTokenService();
        service.tokenStore = store;
        service.accounts = new ZohoAccounts(List.of(com), "com");
        service.oauth = new ZohoOAuthClient(HttpClient.newHttpClient(), new ZohoClientSettings("1000.TEST", "test-secret",
                URI.create("http://localhost/oauth/callback"), List.of("ZohoCRM.modules.ALL"),
                Duration.ofSeconds(2), Duration.ofSeconds(2)));
        service.refreshLocks = new RefreshLocks() {
            @Override
            public <T> T underLock(String tokenId, Supplier<T> work) {
                return work.get();
            }
        };
        service.clock = clock;
        service.backoff = new RefreshBackoff();
        service.backoff.dataSource = db.dataSource();
        service.config = new PortalConfig(null) {
            @Override
            public Optional<String> optionalValue(String key) {
                return Optional.empty();
            }
        };
        store.saveToken(OAuthToken.builder().userName(USER).clientId("1000.TEST").accessToken("1000.old-access")
                .refreshToken("1000.refresh").expiryTime(Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS))
                .updatedAt(Instant.now().minusSeconds(3610)).apiDomain(base.resolve("/api/com").toString())
                .accountsServer(base.resolve("/accounts/com").toString()).build());
    }

    @AfterEach
    void stop() {
        zoho.stop(0);
        db.close();
    }

    private Optional<OAuthToken> stored() {
        return store.findToken(OAuthToken.builder().userName(USER).build());
    }

    @Test
    void expiredTokenIsRefreshedSavedAndHandedOut() {
        tokenAnswer = "{\"access_token\":\"1000.new-access\",\"api_domain\":\"http://127.0.0.1/api/com\","
                + "\"token_type\":\"Bearer\",\"expires_in\":3600}";

        ZohoAccess access = service.current(USER);

        assertThat(access.accessToken()).isEqualTo("1000.new-access");
        assertThat(stored().orElseThrow().accessToken()).isEqualTo("1000.new-access");
        assertThat(stored().orElseThrow().refreshToken()).as("refresh token kept").isEqualTo("1000.refresh");
        assertThat(service.current(USER).accessToken()).as("cached, no second refresh").isEqualTo("1000.new-access");
        assertThat(tokenCalls).hasValue(1);
    }

    @Test
    void aFailingTokenEndpointIsAskedOncePerBackOffWindowNotOncePerRequest() {
        tokenStatus = 500;
        tokenAnswer = "{\"error\":\"internal\"}";

        for (int request = 0; request < 5; request++) {
            assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);
        }
        assertThat(tokenCalls).as("one refresh in the first window").hasValue(1);

        clock.advance(RefreshBackoff.DEFAULT_BACKOFF.plusSeconds(1));
        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);
        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);
        assertThat(tokenCalls).as("one more after the window; the next window is twice as long").hasValue(2);

        clock.advance(RefreshBackoff.DEFAULT_BACKOFF.multipliedBy(2).plusSeconds(1));
        tokenStatus = 200;
        tokenAnswer = "{\"access_token\":\"1000.back\",\"expires_in\":3600}";
        assertThat(service.current(USER).accessToken()).isEqualTo("1000.back");
        assertThat(service.backoff.waitUntil(stored().orElseThrow().id(), clock.instant())).as("success forgets").isEmpty();
    }

    @Test
    void thePurgeForgetsTheBackOffOfADeletedTokenOnly() {
        tokenStatus = 500;
        tokenAnswer = "{\"error\":\"internal\"}";
        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);
        String id = stored().orElseThrow().id();
        assertThat(service.backoff.waitUntil(id, clock.instant())).as("remembered").isPresent();

        assertThat(service.backoff.forgetDeletedTokens()).as("the token still exists").isZero();
        assertThat(service.backoff.waitUntil(id, clock.instant())).isPresent();

        store.deleteToken(id); // a sign-out: the back-off row stays behind
        assertThat(service.backoff.forgetDeletedTokens()).isEqualTo(1);
        assertThat(service.backoff.waitUntil(id, clock.instant())).isEmpty();
    }

    @Test
    void withoutTheBackOffEveryRequestAsksTheFailingEndpoint() {
        service.backoff = null; // control run: shows the test above fails without the back-off
        tokenStatus = 500;
        tokenAnswer = "{\"error\":\"internal\"}";

        for (int request = 0; request < 5; request++) {
            assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);
        }
        assertThat(tokenCalls).hasValue(5);
    }

    @Test
    void deadRefreshTokenEndsTheSignIn() {
        tokenAnswer = "{\"error\":\"invalid_code\"}";

        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(SignInEndedException.class);

        assertThat(stored()).as("token deleted, so its sessions go too").isEmpty();
    }

    @Test
    void refusalThatPointsAtOurClientKeepsTheSignIn() {
        tokenAnswer = "{\"error\":\"invalid_client\"}";

        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(ZohoUnavailableException.class);

        assertThat(stored()).as("token kept").isPresent();
    }

    @Test
    void tokenRenewedElsewhereIsUsedWithoutAskingZoho() {
        OAuthToken current = stored().orElseThrow();
        store.saveToken(current.toBuilder().accessToken("1000.renewed-by-node-b")
                .expiryTime(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))
                .updatedAt(Instant.now()).build());

        ZohoAccess access = service.renewAfterRejection(USER, "1000.old-access");

        assertThat(access.accessToken()).isEqualTo("1000.renewed-by-node-b");
        assertThat(tokenCalls).hasValue(0);
    }

    @Test
    void refreshFinishingAfterASignOutLeavesNoTokenRow() {
        tokenAnswer = "{\"access_token\":\"1000.new-access\",\"expires_in\":3600}";
        // The sign-out's delete lands while Zoho is answering the refresh: an upsert would bring the row back.
        duringTokenCall = () -> store.deleteToken(stored().orElseThrow().id());

        assertThatThrownBy(() -> service.current(USER)).isInstanceOf(SignInEndedException.class);

        assertThat(store.getTokens()).as("no token resurrected by the late refresh").isEmpty();
        assertThat(tokenCalls).hasValue(1);
    }

    @Test
    void refreshFinishingAfterANewSignInKeepsTheNewGrant() {
        tokenAnswer = "{\"access_token\":\"1000.refreshed-old-grant\",\"expires_in\":3600}";
        duringTokenCall = () -> store.saveToken(stored().orElseThrow().toBuilder().accessToken("1000.new-sign-in")
                .refreshToken("1000.new-refresh").expiryTime(Instant.now().plus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)).build());

        ZohoAccess access = service.current(USER);

        assertThat(access.accessToken()).isEqualTo("1000.new-sign-in");
        assertThat(stored().orElseThrow().refreshToken()).isEqualTo("1000.new-refresh");
    }

    @Test
    void discardRevokesAtZohoAndDeletesTheToken() {
        AtomicInteger revocations = revocationsAcceptedByZoho();

        AccessTokenService.Revocation outcome = service.discard(USER);

        assertThat(outcome).isEqualTo(AccessTokenService.Revocation.REVOKED);
        assertThat(revocations).hasValue(1);
        assertThat(stored()).isEmpty();
        assertThat(service.discard(USER)).as("nothing left to revoke").isEqualTo(AccessTokenService.Revocation.NONE);
    }

    @Test
    void deleteAllGetsRidOfARowThatNoLongerDecryptsAndSaysItCouldNotRevokeIt() {
        AtomicInteger revocations = revocationsAcceptedByZoho();
        String accounts = stored().orElseThrow().accountsServer();
        store.saveToken(OAuthToken.builder().userName("lukas.schneider@zylkeracademy.eu").clientId("1000.TEST")
                .accessToken("1000.lukas-access").refreshToken("1000.lukas-refresh")
                .expiryTime(Instant.now().plusSeconds(3000).truncatedTo(ChronoUnit.SECONDS))
                .apiDomain(stored().orElseThrow().apiDomain()).accountsServer(accounts).build());
        // Lukas's row altered (as a row sealed before the associated data named its user would look).
        db.execute("UPDATE oauth_token SET user_name = 'lukas.old@zylkeracademy.eu' WHERE user_name = 'lukas.schneider@zylkeracademy.eu'");
        assertThatThrownBy(store::getTokens).as("control: the strict listing fails on that row")
                .isInstanceOf(com.zylker.portal.core.token.TokenStoreException.class);

        AccessTokenService.DeleteAllOutcome outcome = service.revokeAndDeleteAll();

        assertThat(outcome.tokens()).as("both rows deleted").isEqualTo(2);
        assertThat(outcome.revoked()).as("the readable grant revoked").isEqualTo(1);
        assertThat(revocations).hasValue(1);
        assertThat(outcome.failures()).containsExactly(
                new AccessTokenService.RevocationFailure("lukas.old@zylkeracademy.eu", "com", true));
        assertThat(store.getTokens()).isEmpty();
    }

    /** Zoho's revoke endpoint, saying yes; counts the calls. */
    private AtomicInteger revocationsAcceptedByZoho() {
        AtomicInteger revocations = new AtomicInteger();
        zoho.createContext("/accounts/com/oauth/v2/token/revoke", exchange -> {
            revocations.incrementAndGet();
            byte[] body = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return revocations;
    }

    /** The service's clock, moved by the test; the token's own times stay on the system clock. */
    private static final class MutableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
