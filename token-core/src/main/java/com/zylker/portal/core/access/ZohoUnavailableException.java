package com.zylker.portal.core.access;

import java.time.Duration;

/**
 * A passing failure while getting the user a valid access token (Zoho's accounts server slow, down, or
 * rate-limiting, or another node's refresh taking too long): the session stays, the page offers a retry.
 */
public class ZohoUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ZohoUnavailableException(String userMessage, Duration retryAfter, Throwable cause) {
        super(userMessage, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
