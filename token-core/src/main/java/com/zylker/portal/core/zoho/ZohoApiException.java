package com.zylker.portal.core.zoho;

import java.time.Duration;
import java.util.Objects;

/**
 * A failed Zoho API call, sorted by what the caller (ultimately the user) can do about it. For
 * {@link Kind#RATE_LIMITED} the message is meant for the user ("Zoho is busy — please retry in 30 s").
 */
public final class ZohoApiException extends RuntimeException {

    public enum Kind {
        /** The access token was refused even after one renewal: the user must sign in again. */
        UNAUTHORIZED,
        /** The token lacks a scope this call needs (401 {@code OAUTH_SCOPE_MISMATCH}): sign in again with consent. */
        SCOPE_MISMATCH,
        /** The user's own role in the product does not allow this (CRM 403 {@code NO_PERMISSION}, Books 401 {@code 57}). */
        FORBIDDEN,
        /** 429: API credits or concurrency exhausted; see {@link #retryAfter()} (our back-off, Zoho sends none). */
        RATE_LIMITED,
        /** Timeout, connection failure or 5xx. */
        UNAVAILABLE,
        /** The record or entity asked for does not exist (404). */
        NOT_FOUND,
        /** Zoho refused the request (400 and other 4xx) with {@link #zohoCode()} and a message. */
        INVALID_REQUEST,
        /** An unexpected status or a body that could not be read. */
        PROTOCOL
    }

    private final Kind kind;
    private final String zohoCode;
    private final Duration retryAfter;
    private final int httpStatus;

    public ZohoApiException(Kind kind, String zohoCode, String message, Duration retryAfter, int httpStatus,
                            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.zohoCode = zohoCode;
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** Zoho's error {@code code} (e.g. {@code INVALID_TOKEN}), or {@code null} when there was none. */
    public String zohoCode() {
        return zohoCode;
    }

    /** How long to wait before retrying; {@code null} unless the kind is {@link Kind#RATE_LIMITED}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status Zoho answered with, or 0 when no response came. */
    public int httpStatus() {
        return httpStatus;
    }
}
