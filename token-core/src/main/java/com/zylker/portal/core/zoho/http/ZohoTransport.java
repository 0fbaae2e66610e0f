package com.zylker.portal.core.zoho.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The transport every Zoho adapter shares (OAuth, CRM, Books). Each call gets a hard deadline (connect + request timeout) on top of
 * {@link HttpRequest#timeout()}, because the latter only covers waiting for the response headers: a Zoho that
 * accepts the connection and then trickles the body, or a client built without a connect timeout, must still
 * not hang a page. Bodies are capped in size since Zoho's answers are untrusted input.
 */
public final class ZohoTransport {

    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int MAX_TEXT = 300;

    private ZohoTransport() {
    }

    /** No usable response: describes what happened without the URL (which may carry a token). */
    public static final class TransportException extends Exception {
        private final boolean tooLarge;

        TransportException(String message, Throwable cause, boolean tooLarge) {
            super(message, cause);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    public static ZohoResponse send(HttpClient http, HttpRequest request, Duration deadline) throws TransportException {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> new CappedBody());
        try {
            HttpResponse<byte[]> response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            byte[] raw = response.body() == null ? new byte[0] : response.body();
            return new ZohoResponse(response.statusCode(), new String(raw, StandardCharsets.UTF_8), response.headers(), raw);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportException("no complete answer within " + deadline.toMillis() + " ms", e, false);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for Zoho", e, false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BodyTooLargeException) {
                throw new TransportException("response body larger than " + MAX_BODY_BYTES + " bytes", cause, true);
            }
            throw new TransportException(describe(cause), cause, false);
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "request timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection failed";
        }
        if (cause instanceof IOException) {
            return "I/O error (" + cause.getClass().getSimpleName() + ")";
        }
        return "failed (" + cause.getClass().getSimpleName() + ")";
    }

    public static boolean isServerError(int status) {
        return status >= 500 && status <= 599;
    }

    /** {@code application/x-www-form-urlencoded} and query strings; {@code null} values are left out. */
    public static String form(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null) {
                joiner.add(encode(k) + "=" + encode(v));
            }
        });
        return joiner.toString();
    }

    /** Percent-encoding for query components (space as {@code %20}, which every decoder reads the same). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Text from Zoho made fit for an exception message: control characters dropped, length capped, and any of
     * the given secrets replaced, in case Zoho echoes what it was sent.
     */
    public static String safeText(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "***");
            }
        }
        s = s.replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("response body too large");
        }
    }

    /** The body's bytes; gives up (and cancels the download) past {@link #MAX_BODY_BYTES}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private Flow.Subscription subscription;
        private long received;
        private boolean finished;

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            bytes.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (finished) {
                return;
            }
            for (ByteBuffer b : items) {
                received += b.remaining();
            }
            if (received > MAX_BODY_BYTES) {
                finished = true;
                subscription.cancel();
                bytes.onError(new BodyTooLargeException());
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable t) {
            if (!finished) {
                finished = true;
                bytes.onError(t);
            }
        }

        @Override
        public void onComplete() {
            if (!finished) {
                finished = true;
                bytes.onComplete();
            }
        }
    }
}
