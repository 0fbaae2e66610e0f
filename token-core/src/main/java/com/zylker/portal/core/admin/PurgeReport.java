package com.zylker.portal.core.admin;

import java.time.Duration;
import java.time.Instant;

/**
 * One purge run: when, where, how long, and what it removed. {@code ran} is false when another node held the
 * lease (or the run was not due), and then every count is 0.
 */
public record PurgeReport(boolean ran, String node, Instant startedAt, Duration duration, int sessions,
                          int loginStates, int tokens, int revokeFailures, int auditRows) {

    static PurgeReport skipped(String node) {
        return new PurgeReport(false, node, null, Duration.ZERO, 0, 0, 0, 0, 0);
    }
}
