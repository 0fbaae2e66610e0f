package com.zylker.portal.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zylker.portal.core.access.AccessTokenService;
import com.zylker.portal.core.access.AccessTokenServices;
import com.zylker.portal.core.admin.AuditAction;
import com.zylker.portal.core.admin.AuditTrail;
import com.zylker.portal.core.admin.BlockedUsers;
import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import com.zylker.portal.core.token.JpaTokenStore;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoClientSettings;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An email that now belongs to another Zoho account (another ZUID) never reuses the old account's refresh
 * token: the old grant is revoked at Zoho and its row replaced, also when the new grant comes without a refresh
 * token (then the sign-in asks for consent instead). Control: the same ZUID without a refresh token does reuse
 * it. Zoho is a scripted loopback stub; the store is the real JpaTokenStore on H2.
 */
class SignInServiceZuidTest {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String OLD_REFRESH = "1000.old-account-refresh";

    private StubZohoServer zoho;
    private TestDatabase db;
    private JpaTokenStore store;
    private SignInService signIn;
    private ZohoDataCentre com;
    private OAuthToken oldGrant;

    @BeforeEach
    void start() throws Exception {
        zoho = new StubZohoServer();
        com = new ZohoDataCentre("com", URI.create(zoho.base() + "/accounts/com"), URI.create(zoho.base() + "/api/com"));
        db = TestDatabases.open(TestDatabases.Kind.H2);
        store = new JpaTokenStore(db.transactor(), new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k1",
                new SecureRandom()), null)), Clock.systemUTC());
        ZohoAccounts accounts = new ZohoAccounts(List.of(com), "com");
        ZohoOAuthClient oauth = new ZohoOAuthClient(HttpClient.newHttpClient(), new ZohoClientSettings("1000.TEST",
                "test-secret", URI.create("http://localhost/oauth/callback"), List.of("ZohoCRM.modules.ALL"),
                Duration.ofSeconds(2), Duration.ofSeconds(2)));
        PortalConfig config = new PortalConfig(null) {
            @Override
            public Optional<String> optionalValue(String key) {
                return Optional.empty();
            }

            @Override
            public Set<String> allowedSignInDomains() {
                return Set.of("zylkeracademy.com");
            }

            @Override
            public Optional<String> crmOrgId() {
                return Optional.empty();
            }

            @Override
            public boolean isProduction() {
                return false;
            }
        };
        AccessTokenService tokens = AccessTokenServices.of(store, accounts, oauth, config);
        signIn = new SignInService();
        signIn.tokenStore = store;
        signIn.accessTokens = tokens;
        signIn.accounts = accounts;
        signIn.oauth = oauth;
        signIn.settings = new ZohoClientSettings("1000.TEST", "test-secret", URI.create("http://localhost/oauth/callback"),
                List.of("ZohoCRM.modules.ALL"), Duration.ofSeconds(2), Duration.ofSeconds(2));
        signIn.config = config;
        signIn.sessions = new PortalSessions() {
            @Override
            public Optional<String> consumeLogin(String state) {
                return Optional.of("");
            }

            @Override
            public String create(String userEmail, String displayName, String zuid, String tokenId, String dataCentre,
                                 String clientIp, String userAgent) {
                return "session-" + tokenId;
            }
        };
        signIn.blocked = new BlockedUsers() {
            @Override
            public boolean isBlocked(String email, String zuid) {
                return false;
            }
        };
        signIn.audit = new AuditTrail() {
            @Override
            public void record(AuditAction action, String actor, String subject, Integer count, String detail, String clientIp) {
            }
        };
        oldGrant = store.saveToken(OAuthToken.builder().userName(PRIYA).zuid("60012345001").clientId("1000.TEST")
                .accessToken("1000.old-access").refreshToken(OLD_REFRESH)
                .expiryTime(Instant.now().plusSeconds(3000).truncatedTo(ChronoUnit.SECONDS))
                .apiDomain(com.apiUrl().toString()).accountsServer(com.accountsUrl().toString()).build());
    }

    @AfterEach
    void stop() {
        zoho.close();
        db.close();
    }

    @Test
    void anEmailOnAnotherZuidRevokesTheOldGrantAndStoresOnlyTheNewOne() {
        zoho.reply(200, grant("1000.new-refresh"))
                .reply(200, profile("70000000999"))
                .reply(200, "{\"status\":\"success\"}");

        signIn.complete(callback(), "state", null, "127.0.0.1", "test");

        OAuthToken stored = store.findToken(OAuthToken.builder().userName(PRIYA).build()).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("1000.new-refresh");
        assertThat(stored.zuid()).isEqualTo("70000000999");
        assertThat(stored.id()).as("a new row, not the old account's").isNotEqualTo(oldGrant.id());
        assertThat(revoked()).containsExactly(OLD_REFRESH);
    }

    @Test
    void anEmailOnAnotherZuidWithoutARefreshTokenIsSentToConsentAndNeverGetsTheOldOne() {
        zoho.reply(200, grant(null))
                .reply(200, profile("70000000999"))
                .reply(200, "{\"status\":\"success\"}");

        assertThatThrownBy(() -> signIn.complete(callback(), "state", null, "127.0.0.1", "test"))
                .isInstanceOf(SignInFailedException.class)
                .satisfies(e -> assertThat(((SignInFailedException) e).problem()).isEqualTo(SignInProblem.NO_OFFLINE_ACCESS));
        assertThat(store.findToken(OAuthToken.builder().userName(PRIYA).build())).as("nothing kept").isEmpty();
        assertThat(revoked()).containsExactly(OLD_REFRESH);
    }

    @Test
    void control_theSameZuidWithoutARefreshTokenKeepsUsingTheStoredOne() {
        zoho.reply(200, grant(null)).reply(200, profile("60012345001"));

        signIn.complete(callback(), "state", null, "127.0.0.1", "test");

        OAuthToken stored = store.findToken(OAuthToken.builder().userName(PRIYA).build()).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo(OLD_REFRESH);
        assertThat(stored.id()).isEqualTo(oldGrant.id());
        assertThat(revoked()).isEmpty();
    }

    @Test
    void aRowFromBeforeZuidsWereKeptIsNotReusedForAGrantWithoutARefreshToken() {
        oldGrant = store.saveToken(oldGrant.toBuilder().zuid(null).build()); // stored before V30
        zoho.reply(200, grant(null)).reply(200, profile("70000000999"));

        assertThatThrownBy(() -> signIn.complete(callback(), "state", null, "127.0.0.1", "test"))
                .isInstanceOf(SignInFailedException.class)
                .satisfies(e -> assertThat(((SignInFailedException) e).problem()).isEqualTo(SignInProblem.NO_OFFLINE_ACCESS));
        assertThat(store.findToken(OAuthToken.builder().userName(PRIYA).build()).orElseThrow().accessToken())
                .as("the old row is not handed to the new sign-in").isNotEqualTo("1000.new-access");
    }

    private List<String> revoked() {
        return zoho.requests().stream().filter(r -> r.path().endsWith("/oauth/v2/token/revoke"))
                .map(r -> r.query().getOrDefault("token", r.form().get("token"))).toList();
    }

    private SignInService.Callback callback() {
        return new SignInService.Callback("1000.code", "state", "com", com.accountsUrl().toString(), null);
    }

    private String grant(String refreshToken) {
        return "{\"access_token\":\"1000.new-access\"," + (refreshToken == null ? "" : "\"refresh_token\":\"" + refreshToken + "\",")
                + "\"api_domain\":\"" + com.apiUrl() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    private static String profile(String zuid) {
        return "{\"ZUID\":" + zuid + ",\"Email\":\"" + PRIYA + "\",\"Display_Name\":\"Priya Raman\","
                + "\"First_Name\":\"Priya\",\"Last_Name\":\"Raman\"}";
    }
}
