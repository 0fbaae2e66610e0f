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
        Clock base = of(config.optionalValue("portal.test.clock-offset").orElse(null));
        return config.optionalValue("portal.test.clock-offset-file")
                .<Clock>map(file -> new FileOffsetClock(base, java.nio.file.Path.of(file))).orElse(base);
    }

    /**
     * Demo and tests only ({@code portal.test.clock-offset-file}): the offset (ISO-8601) is read from a file,
     * at most every quarter second, so a test can move the portal's clock together with the sandbox's while the
     * portal runs (invoices crossing ageing buckets). A missing, empty or unreadable file means no offset.
     */
    static final class FileOffsetClock extends Clock implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final long RECHECK_NANOS = 250_000_000L;
        private final Clock base;
        private final String file;
        private transient volatile Duration offset = Duration.ZERO;
        private transient volatile long checkedAt;

        FileOffsetClock(Clock base, java.nio.file.Path file) {
            this.base = base;
            this.file = file.toString();
            this.checkedAt = System.nanoTime() - RECHECK_NANOS;
        }

        private Duration offset() {
            long now = System.nanoTime();
            if (now - checkedAt >= RECHECK_NANOS) {
                Duration read = Duration.ZERO;
                try {
                    String text = java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
                    read = text.isEmpty() ? Duration.ZERO : Duration.parse(text);
                } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
                    read = Duration.ZERO;
                }
                offset = read;
                checkedAt = now;
            }
            return offset == null ? Duration.ZERO : offset;
        }

        @Override
        public java.time.ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return new FileOffsetClock(base.withZone(zone), java.nio.file.Path.of(file));
        }

        @Override
        public java.time.Instant instant() {
            return base.instant().plus(offset());
        }
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
