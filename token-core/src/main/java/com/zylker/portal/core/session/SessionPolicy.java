package com.zylker.portal.core.session;

import com.zylker.portal.core.config.PortalConfig;
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

    /** The configured policy; defaults 8 hours idle, 14 days in all. */
    public static SessionPolicy from(PortalConfig config) {
        return new SessionPolicy(
                Duration.parse(config.optionalValue("portal.session.idle-timeout").orElse("PT8H")),
                Duration.parse(config.optionalValue("portal.session.max-age").orElse("P14D")));
    }

    public boolean isExpired(Instant createdAt, Instant lastSeenAt, Instant now) {
        return !now.isBefore(lastSeenAt.plus(idleTimeout)) || !now.isBefore(createdAt.plus(maxAge));
    }
}
