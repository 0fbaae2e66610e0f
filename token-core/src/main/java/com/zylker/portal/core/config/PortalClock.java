package com.zylker.portal.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The portal's clock, the one every time-dependent rule reads (token expiry, sessions, caches, invoice
 * ageing). Demo and test runs may shift it with {@code portal.test.clock-offset} (ISO-8601, e.g. {@code P31D}
 * or {@code -PT2H}) so a test can age sessions and invoices together with the sandbox's clock; production
 * refuses every {@code portal.test.*} key, so there it is the system clock.
 */
@ApplicationScoped
public class PortalClock {

    @Inject
    PortalConfig config;

    @Produces
    @Singleton
    Clock clock() {
        return of(config.optionalValue("portal.test.clock-offset").orElse(null));
    }

    static Clock of(String offset) {
        if (offset == null || offset.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.offset(Clock.systemUTC(), Duration.parse(offset.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("portal.test.clock-offset is not an ISO-8601 duration: " + offset, e);
        }
    }
}
