package com.zylker.portal.ui;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure put into words for the person at the screen: what happened and what to do next, with the HTTP
 * status and the machine-readable {@code error} an API answers with. Made by {@link ZohoFailures}.
 *
 * @param status     HTTP status for an API answer
 * @param error      stable code a page script can act on ({@code signin-ended}, {@code zoho-scope}, …)
 * @param message    the words, safe to show (never Zoho's raw text, never a stack trace)
 * @param retryAfter when a retry makes sense, or {@code null}
 * @param next       what the screen should offer
 */
public record ZohoFailure(int status, String error, String message, Duration retryAfter, Next next) {

    /** What the screen offers besides the message. */
    public enum Next {
        /** Nothing to do but read (or ask someone). */
        NOTHING,
        /** Try again, after {@link #retryAfter()} when given. */
        RETRY,
        /** The portal session is gone: sign in, then come back to the page. */
        SIGN_IN,
        /** Signed in, but Zoho wants consent to more access: sign in again (and accept), then come back. */
        SIGN_IN_AGAIN
    }

    public ZohoFailure {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(next, "next");
    }
}
