package com.zylker.portal.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-26T08:00:00Z");
    private final SessionPolicy policy = new SessionPolicy(Duration.ofHours(8), Duration.ofDays(14));

    @Test
    void activeSessionWithinBothLimitsIsAlive() {
        Instant lastSeen = SIGNED_IN.plus(Duration.ofDays(3));

        assertThat(policy.isExpired(SIGNED_IN, lastSeen, lastSeen.plus(Duration.ofHours(7)))).isFalse();
    }

    @Test
    void idleForTheIdleTimeoutEndsIt() {
        assertThat(policy.isExpired(SIGNED_IN, SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(8)))).isTrue();
    }

    @Test
    void maxAgeEndsEvenABusySession() {
        Instant now = SIGNED_IN.plus(Duration.ofDays(14));

        assertThat(policy.isExpired(SIGNED_IN, now.minusSeconds(5), now)).isTrue();
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
