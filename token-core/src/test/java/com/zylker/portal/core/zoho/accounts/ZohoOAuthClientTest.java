package com.zylker.portal.core.zoho.accounts;

import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ZohoOAuthClientTest {

    private static final String SECRET = "s3cr3t-client-secret";
    private static final String CODE = "1000.grantcode.abc123";
    private static final String ACCESS = "1000.access.7f3e9";
    private static final String REFRESH = "1000.refresh.c0ffee";
    private static final List<String> SCOPES = List.of("AaaServer.profile.READ", "ZohoCRM.modules.ALL");

    private StubZohoServer zoho;
    private ZohoDataCentre dc;
    private ZohoOAuthClient client;

    @BeforeEach
    void start() throws IOException {
        zoho = new StubZohoServer();
        dc = new ZohoDataCentre("eu", URI.create(zoho.base() + "/zoho-sandbox/accounts/eu"),
                URI.create(zoho.base() + "/zoho-sandbox/api/eu"));
        client = client(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    private ZohoOAuthClient client(Duration requestTimeout) {
        ZohoClientSettings settings = new ZohoClientSettings("1000.ZYLKERDEMO", SECRET,
                URI.create("http://localhost:8080/oauth/callback"), SCOPES, Duration.ofSeconds(1), requestTimeout);
        return new ZohoOAuthClient(HttpClient.newHttpClient(), settings);
    }

    @Test
    void authorizationUrlCarriesEveryParameterEncoded() {
        String state = "a b&c=d/é+%";

        URI url = client.authorizationUrl(dc, state);

        assertThat(url.getRawPath()).isEqualTo("/zoho-sandbox/accounts/eu/oauth/v2/auth");
        assertThat(url.getRawQuery()).doesNotContain(" ", "+", "é").contains("scope=AaaServer.profile.READ%2CZohoCRM");
        assertThat(StubZohoServer.decodeForm(url.getRawQuery())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "response_type", "code",
                "client_id", "1000.ZYLKERDEMO",
                "scope", "AaaServer.profile.READ,ZohoCRM.modules.ALL",
                "redirect_uri", "http://localhost:8080/oauth/callback",
                "access_type", "offline",
                "prompt", "consent",
                "state", state));
    }

    @Test
    void exchangesCodeWithFormBodyAtTheDataCentre() {
        zoho.reply(200, "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\","
                + "\"api_domain\":\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"unknown_field\":{\"nested\":[1,2]}}");

        TokenGrant grant = client.exchangeCode(dc, CODE);

        assertThat(grant).isEqualTo(new TokenGrant(ACCESS, REFRESH, "https://www.zohoapis.eu", Duration.ofHours(1)));
        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/accounts/eu/oauth/v2/token");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "authorization_code",
                "client_id", "1000.ZYLKERDEMO",
                "client_secret", SECRET,
                "redirect_uri", "http://localhost:8080/oauth/callback",
                "code", CODE));
    }

    @Test
    void grantToStringRedactsTokens() {
        TokenGrant grant = new TokenGrant(ACCESS, REFRESH, "https://www.zohoapis.eu", Duration.ofHours(1));

        assertThat(grant.toString()).doesNotContain(ACCESS, REFRESH).contains("https://www.zohoapis.eu");
    }

    @Test
    void settingsToStringRedactsTheSecret() {
        ZohoClientSettings settings = new ZohoClientSettings("1000.ZYLKERDEMO", SECRET,
                URI.create("http://localhost:8080/oauth/callback"), SCOPES, Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(settings.toString()).doesNotContain(SECRET).contains("1000.ZYLKERDEMO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_code", "invalid_client", "invalid_redirect_uri", "unsupported_grant_type"})
    void errorInHttp200IsGrantRefused(String error) {
        zoho.reply(200, "{\"error\":\"" + error + "\"}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.exchangeCode(dc, CODE), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.GRANT_REFUSED);
        assertThat(e.zohoError()).isEqualTo(error);
        assertThat(e.getMessage()).contains(error).doesNotContain(CODE, SECRET);
        assertThat(e.toString()).doesNotContain(CODE, SECRET);
    }

    @Test
    void accessDeniedIsRateLimited() {
        zoho.reply(200, "{\"error\":\"Access Denied\",\"error_description\":"
                + "\"You have made too many requests continuously. Please try again after some time.\"}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.refresh(dc, REFRESH), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.zohoError()).isEqualTo("Access Denied");
        assertThat(e.getMessage()).contains("too many requests").doesNotContain(REFRESH);
    }

    @Test
    void echoedSecretsNeverReachTheException() {
        zoho.reply(200, "{\"error\":\"" + CODE + "\",\"error_description\":\"client secret " + SECRET
                + " does not match for " + CODE + "\"}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.exchangeCode(dc, CODE), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.GRANT_REFUSED);
        assertThat(e.zohoError()).isEqualTo("unrecognised_error");
        assertThat(e.getMessage()).doesNotContain(CODE, SECRET);
    }

    @Test
    void serverErrorIsUnavailable() {
        zoho.reply(503, "<html>maintenance</html>");

        ZohoOAuthException e = catchThrowableOfType(() -> client.exchangeCode(dc, CODE), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("503").doesNotContain(CODE, SECRET);
    }

    @Test
    void slowServerIsUnavailableWithinTheTimeout() {
        ZohoOAuthClient impatient = client(Duration.ofMillis(300));
        zoho.replyAfter(2_000, 200, "{\"access_token\":\"" + ACCESS + "\"}");

        ZohoOAuthException e = assertTimeoutPreemptively(Duration.ofMillis(1_800),
                () -> catchThrowableOfType(() -> impatient.refresh(dc, REFRESH), ZohoOAuthException.class));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain(REFRESH, SECRET);
    }

    @Test
    void refusedConnectionIsUnavailable() {
        URI closedBase = zoho.base();
        zoho.close();
        ZohoDataCentre gone = new ZohoDataCentre("eu", closedBase, closedBase);

        ZohoOAuthException e = catchThrowableOfType(() -> client.refresh(gone, REFRESH), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void refreshSendsRefreshGrantAndToleratesMissingRefreshToken() {
        zoho.reply(200, "{\"access_token\":\"" + ACCESS + "\",\"api_domain\":\"https://www.zohoapis.eu\","
                + "\"token_type\":\"Bearer\",\"expires_in\":3600000,\"expires_in_sec\":3600}");

        TokenGrant grant = client.refresh(dc, REFRESH);

        assertThat(grant.refreshToken()).isNull();
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(zoho.onlyRequest().form()).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", REFRESH).containsEntry("client_secret", SECRET)
                .doesNotContainKey("code");
    }

    @Test
    void oldMillisecondExpiryIsReadAsMilliseconds() {
        zoho.reply(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":3600000}");

        TokenGrant grant = client.refresh(dc, REFRESH);

        assertThat(grant.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(grant.apiDomain()).isEqualTo(dc.apiUrl().toString());
    }

    @Test
    void missingAccessTokenIsProtocolError() {
        zoho.reply(200, "{\"api_domain\":\"https://www.zohoapis.eu\",\"expires_in\":3600}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.refresh(dc, REFRESH), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("access_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>not json</html>", "", "null", "[1,2]", "{\"access_token\":{\"a\":1}}",
            "{\"access_token\":\"1000.x\",\"expires_in\":\"soon\"}", "{\"access_token\":\"1000.x\",\"expires_in\":-5}"})
    void unreadableTokenAnswerIsProtocolError(String body) {
        zoho.reply(200, body);

        ZohoOAuthException e = catchThrowableOfType(() -> client.refresh(dc, REFRESH), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).doesNotContain(REFRESH, SECRET);
    }

    @Test
    void revokeSendsTokenAndAcceptsSuccess() {
        zoho.reply(200, "{\"status\":\"success\"}");

        client.revoke(dc, REFRESH);

        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/accounts/eu/oauth/v2/token/revoke");
        assertThat(request.query()).containsExactly(Map.entry("token", REFRESH));
    }

    @Test
    void revokeOfAnAlreadyInvalidTokenIsDone() {
        zoho.reply(400, "{\"status\":\"failure\",\"error\":\"invalid_token\"}");

        assertThatCode(() -> client.revoke(dc, REFRESH)).doesNotThrowAnyException();
    }

    @Test
    void revokeFailureNeverShowsTheToken() {
        zoho.reply(502, "bad gateway " + REFRESH);

        ZohoOAuthException e = catchThrowableOfType(() -> client.revoke(dc, REFRESH), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain(REFRESH);
    }

    @Test
    void userInfoMapsTheProfileWithBearerHeader() {
        zoho.reply(200, "{\"First_Name\":\"Priya\",\"Email\":\"priya.raman@zylkeracademy.com\",\"Last_Name\":\"Raman\","
                + "\"Display_Name\":\"Priya Raman\",\"ZUID\":60012345678,\"Extra\":true}");

        ZohoUser user = client.userInfo(dc, ACCESS);

        assertThat(user).isEqualTo(new ZohoUser("60012345678", "priya.raman@zylkeracademy.com", "Priya Raman",
                "Priya", "Raman"));
        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/accounts/eu/oauth/user/info");
        assertThat(request.header("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS);
    }

    @Test
    void userInfoWithoutEmailIsProtocolError() {
        zoho.reply(200, "{\"ZUID\":\"600\",\"Display_Name\":\"No Mail\"}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.userInfo(dc, ACCESS), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("email");
    }

    @Test
    void userInfoWithRefusedTokenIsGrantRefused() {
        zoho.reply(401, "{\"error\":\"invalid_oauthtoken\"}");

        ZohoOAuthException e = catchThrowableOfType(() -> client.userInfo(dc, ACCESS), ZohoOAuthException.class);

        assertThat(e.kind()).isEqualTo(Kind.GRANT_REFUSED);
        assertThat(e.zohoError()).isEqualTo("invalid_oauthtoken");
        assertThat(e.getMessage()).doesNotContain(ACCESS);
    }
}
