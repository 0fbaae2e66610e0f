package com.zylker.portal.core.session;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session ends by itself: after {@code idleTimeout} without a request, or {@code maxAge} after sign-in,
 * whichever comes first ({@code portal.session.idle-timeout}, {@code portal.session.max-age}).
 */
public record SessionPolicy(Duration idleTimeout, Duration maxAge) {

    /** How stale {@code last_seen_at} may get before a request writes it again: one write a minute, not one a request. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    public SessionPolicy {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
    }

    public boolean isExpired(Instant createdAt, Instant lastSeenAt, Instant now) {
        return !now.isBefore(lastSeenAt.plus(idleTimeout)) || !now.isBefore(createdAt.plus(maxAge));
    }
}
