package com.zylker.portal.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.token.OAuthToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokenServiceTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void marginIsATenthOfAShortLifetime() {
        assertThat(AccessTokenService.margin(token(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void marginIsAtMostAMinute() {
        assertThat(AccessTokenService.margin(token(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void tokenIsRefreshedAheadOfExpiryNotAtIt() {
        AccessTokenService service = serviceAt(ISSUED.plus(Duration.ofMinutes(58)).plusSeconds(30));

        assertThat(service.isFresh(token(Duration.ofHours(1)), null)).as("90 s left, margin 60 s").isTrue();
        service.clock = Clock.fixed(ISSUED.plus(Duration.ofMinutes(59)).plusSeconds(1), ZoneOffset.UTC);
        assertThat(service.isFresh(token(Duration.ofHours(1)), null)).as("59 s left, margin 60 s").isFalse();
    }

    @Test
    void theTokenZohoJustRejectedIsNeverFresh() {
        AccessTokenService service = serviceAt(ISSUED.plusSeconds(10));

        assertThat(service.isFresh(token(Duration.ofHours(1)), "1000.access")).isFalse();
        assertThat(service.isFresh(token(Duration.ofHours(1)), "1000.other")).isTrue();
    }

    private static AccessTokenService serviceAt(Instant now) {
        AccessTokenService service = new AccessTokenService();
        service.clock = Clock.fixed(now, ZoneOffset.UTC);
        return service;
    }

    private static OAuthToken token(Duration lifetime) {
        return OAuthToken.builder().userName("priya.raman@zylkeracademy.com").accessToken("1000.access")
                .updatedAt(ISSUED).expiryTime(ISSUED.plus(lifetime)).build();
    }
}
