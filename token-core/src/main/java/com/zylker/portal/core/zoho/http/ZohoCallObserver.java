package com.zylker.portal.core.zoho.http;

import java.time.Duration;

/**
 * Told about every Zoho HTTP exchange (each attempt, so a renewal retry counts twice), for metrics. Must be
 * fast and must not throw; it never sees a token, a body or a query string.
 *
 * @see ZohoCallStatistics
 */
@FunctionalInterface
public interface ZohoCallObserver {

    ZohoCallObserver NONE = (product, operation, outcome, latency) -> { };

    /**
     * @param outcome the HTTP status as text ({@code "200"}, {@code "429"}), or {@code "timeout"},
     *                {@code "unreachable"}, {@code "too-large"} when no usable response came
     */
    void exchanged(ZohoProduct product, String operation, String outcome, Duration latency);
}
