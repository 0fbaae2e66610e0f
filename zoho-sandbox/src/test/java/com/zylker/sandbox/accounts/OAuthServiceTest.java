package com.zylker.sandbox.accounts;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.core.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthServiceTest {

    private static final String ID = "1000.ZYLKERDEMO";
    private static final String SECRET = "s3cret";
    private static final String REDIRECT = "http://localhost:8080/oauth/callback";

    private MovableClock clock;
    private OAuthService service;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC));
        service = new OAuthService(clock, new OAuthClient(ID, SECRET, List.of(REDIRECT)));
    }

    private String code(DemoUser user, String accessType, String prompt) {
        AuthorizationRequest request = service.validate("code", ID,
                "AaaServer.profile.READ,ZohoCRM.modules.ALL", REDIRECT, accessType, prompt, "st");
        return service.issueCode(request, user);
    }

    private TokenOutcome.Issued grant(DemoUser user) {
        return (TokenOutcome.Issued) service.exchangeCode(user.dc(), code(user, "offline", "consent"), ID, SECRET,
                REDIRECT);
    }

    @Test
    void unknownClientIsRefusedWithoutRedirect() {
        assertThatThrownBy(() -> service.validate("code", "1000.OTHER", "x", REDIRECT, null, null, null))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("client");
    }

    @Test
    void unregisteredRedirectIsRefused() {
        assertThatThrownBy(() -> service.validate("code", ID, "x", "http://evil.example/cb", null, null, null))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("redirect");
    }

    @Test
    void codeGrantWithOfflineAccessIssuesBothTokens() {
        TokenOutcome outcome = service.exchangeCode(DataCenter.COM, code(DemoUsers.PRIYA, "offline", null), ID,
                SECRET, REDIRECT);

        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Issued.class, i -> {
            assertThat(i.accessToken()).startsWith("1000.");
            assertThat(i.refreshToken()).startsWith("1000.");
            assertThat(i.expiresInSeconds()).isEqualTo(3600);
        });
    }

    @Test
    void onlineAccessGetsNoRefreshToken() {
        TokenOutcome outcome = service.exchangeCode(DataCenter.COM, code(DemoUsers.PRIYA, "online", "consent"), ID,
                SECRET, REDIRECT);

        assertThat(((TokenOutcome.Issued) outcome).refreshToken()).isNull();
    }

    @Test
    void repeatConsentWithoutPromptConsentGetsNoRefreshToken() {
        grant(DemoUsers.PRIYA);

        TokenOutcome again = service.exchangeCode(DataCenter.COM, code(DemoUsers.PRIYA, "offline", null), ID, SECRET,
                REDIRECT);

        assertThat(((TokenOutcome.Issued) again).refreshToken()).isNull();
    }

    @Test
    void codeIsSingleUse() {
        String code = code(DemoUsers.PRIYA, "offline", null);
        service.exchangeCode(DataCenter.COM, code, ID, SECRET, REDIRECT);

        TokenOutcome second = service.exchangeCode(DataCenter.COM, code, ID, SECRET, REDIRECT);

        assertThat(second).isEqualTo(TokenOutcome.Refused.of("invalid_code"));
    }

    @Test
    void codeExpiresAfterTwoMinutes() {
        String code = code(DemoUsers.PRIYA, "offline", null);
        clock.advance(Duration.ofSeconds(121));

        TokenOutcome outcome = service.exchangeCode(DataCenter.COM, code, ID, SECRET, REDIRECT);

        assertThat(outcome).isEqualTo(TokenOutcome.Refused.of("invalid_code"));
    }

    @Test
    void codeStillValidJustBeforeTwoMinutes() {
        String code = code(DemoUsers.PRIYA, "offline", null);
        clock.advance(Duration.ofSeconds(119));

        assertThat(service.exchangeCode(DataCenter.COM, code, ID, SECRET, REDIRECT)).isInstanceOf(TokenOutcome.Issued.class);
    }

    @Test
    void codeOfEuUserIsUnknownAtComAndValidAtEu() {
        String code = code(DemoUsers.LUKAS, "offline", null);

        TokenOutcome atCom = service.exchangeCode(DataCenter.COM, code, ID, SECRET, REDIRECT);
        TokenOutcome atEu = service.exchangeCode(DataCenter.EU, code, ID, SECRET, REDIRECT);

        assertThat(atCom).isEqualTo(TokenOutcome.Refused.of("invalid_code"));
        assertThat(atEu).isInstanceOfSatisfying(TokenOutcome.Issued.class, i -> assertThat(i.dc()).isEqualTo(DataCenter.EU));
    }

    @Test
    void wrongSecretIsInvalidClient() {
        TokenOutcome outcome = service.exchangeCode(DataCenter.COM, code(DemoUsers.PRIYA, "offline", null), ID,
                "wrong", REDIRECT);

        assertThat(outcome).isEqualTo(TokenOutcome.Refused.of("invalid_client"));
    }

    @Test
    void eleventhRefreshWithinTenMinutesIsDeniedAndWindowResets() {
        String refresh = grant(DemoUsers.PRIYA).refreshToken();
        for (int i = 0; i < 10; i++) {
            assertThat(service.refresh(DataCenter.COM, refresh, ID, SECRET)).isInstanceOf(TokenOutcome.Issued.class);
        }

        TokenOutcome eleventh = service.refresh(DataCenter.COM, refresh, ID, SECRET);
        clock.advance(Duration.ofMinutes(10));
        TokenOutcome afterWindow = service.refresh(DataCenter.COM, refresh, ID, SECRET);

        assertThat(eleventh).isEqualTo(new TokenOutcome.Refused("Access Denied",
                "You have made too many requests continuously. Please try again after some time."));
        assertThat(afterWindow).isInstanceOf(TokenOutcome.Issued.class);
    }

    @Test
    void sixteenthLiveAccessTokenInvalidatesTheOldest() {
        TokenOutcome.Issued first = grant(DemoUsers.PRIYA);
        List<String> tokens = new ArrayList<>(List.of(first.accessToken()));
        for (int i = 0; i < 15; i++) {
            if (i == 9) {
                clock.advance(Duration.ofMinutes(10)); // stay under the refresh rate limit
            }
            tokens.add(((TokenOutcome.Issued) service.refresh(DataCenter.COM, first.refreshToken(), ID, SECRET)).accessToken());
        }

        assertThat(service.authenticate(DataCenter.COM, tokens.get(0))).isEmpty();
        assertThat(service.authenticate(DataCenter.COM, tokens.get(1))).isPresent();
        assertThat(service.authenticate(DataCenter.COM, tokens.get(15))).isPresent();
    }

    @Test
    void twentyFirstRefreshTokenDeletesTheOldestAndItsAccessTokens() {
        List<TokenOutcome.Issued> grants = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            grants.add(grant(DemoUsers.DANIEL));
        }

        assertThat(service.refresh(DataCenter.COM, grants.get(0).refreshToken(), ID, SECRET))
                .isEqualTo(TokenOutcome.Refused.of("invalid_code"));
        assertThat(service.authenticate(DataCenter.COM, grants.get(0).accessToken())).isEmpty();
        assertThat(service.refresh(DataCenter.COM, grants.get(1).refreshToken(), ID, SECRET))
                .isInstanceOf(TokenOutcome.Issued.class);
    }

    @Test
    void revokeKillsRefreshTokenAndItsAccessTokens() {
        TokenOutcome.Issued issued = grant(DemoUsers.PRIYA);

        boolean revoked = service.revoke(DataCenter.COM, issued.refreshToken());

        assertThat(revoked).isTrue();
        assertThat(service.authenticate(DataCenter.COM, issued.accessToken())).isEmpty();
        assertThat(service.refresh(DataCenter.COM, issued.refreshToken(), ID, SECRET))
                .isEqualTo(TokenOutcome.Refused.of("invalid_code"));
    }

    @Test
    void accessTokenExpiresWithItsLifetime() {
        service.setAccessLifetime(Duration.ofSeconds(60));
        TokenOutcome.Issued issued = grant(DemoUsers.PRIYA);

        clock.advance(Duration.ofSeconds(60));

        assertThat(issued.expiresInSeconds()).isEqualTo(60);
        assertThat(service.authenticate(DataCenter.COM, issued.accessToken())).isEmpty();
    }

    @Test
    void accessTokenOnlyWorksAtIssuingDc() {
        TokenOutcome.Issued issued = grant(DemoUsers.PRIYA);

        assertThat(service.authenticate(DataCenter.EU, issued.accessToken())).isEmpty();
        assertThat(service.authenticate(DataCenter.COM, issued.accessToken())).isPresent();
    }

    @Test
    void revokeUserEndsEveryTokenOfThatUserOnly() {
        TokenOutcome.Issued priya = grant(DemoUsers.PRIYA);
        TokenOutcome.Issued aisha = grant(DemoUsers.AISHA);

        service.revokeUser("priya.raman@zylkeracademy.com");

        assertThat(service.authenticate(DataCenter.COM, priya.accessToken())).isEmpty();
        assertThat(service.authenticate(DataCenter.COM, aisha.accessToken())).isPresent();
    }

    @Test
    void withheldScopeIsMissingFromExistingTokensAndNewGrantsUntilRestored() {
        TokenOutcome.Issued before = grant(DemoUsers.PRIYA);

        service.withholdScope("Priya.Raman@zylkeracademy.com", "ZohoCRM.modules.ALL");
        TokenOutcome.Issued after = grant(DemoUsers.PRIYA);
        AccessGrant old = service.authenticate(DataCenter.COM, before.accessToken()).orElseThrow();
        AccessGrant fresh = service.authenticate(DataCenter.COM, after.accessToken()).orElseThrow();
        service.restoreScope(DemoUsers.PRIYA.email(), "zohocrm.modules.all");
        AccessGrant restoredOld = service.authenticate(DataCenter.COM, before.accessToken()).orElseThrow();
        AccessGrant stillFresh = service.authenticate(DataCenter.COM, after.accessToken()).orElseThrow();

        assertThat(old.hasAnyScope("ZohoCRM.modules.ALL")).isFalse();
        assertThat(old.hasAnyScope("AaaServer.profile.READ")).isTrue();
        assertThat(fresh.hasAnyScope("ZohoCRM.modules.ALL")).isFalse();
        assertThat(restoredOld.hasAnyScope("ZohoCRM.modules.ALL")).isTrue();
        // A grant issued while the scope was withheld never had it: re-consent is the only way back.
        assertThat(stillFresh.hasAnyScope("ZohoCRM.modules.ALL")).isFalse();
        assertThat(service.authenticate(DataCenter.COM, grant(DemoUsers.AISHA).accessToken()).orElseThrow()
                .hasAnyScope("ZohoCRM.modules.ALL")).isTrue();
    }

    @Test
    void issuedTokensListsLiveTokensWithTheirOwners() {
        TokenOutcome.Issued issued = grant(DemoUsers.DANIEL);

        assertThat(service.issuedTokens()).extracting(t -> t.get("token"))
                .contains(issued.accessToken(), issued.refreshToken());
        assertThat(service.issuedTokens()).allSatisfy(t -> assertThat(t.get("email")).isEqualTo(DemoUsers.DANIEL.email()));
    }
}
