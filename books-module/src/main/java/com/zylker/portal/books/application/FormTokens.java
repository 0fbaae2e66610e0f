package com.zylker.portal.books.application;

import com.zylker.portal.books.application.BooksStore.TokenRow;
import com.zylker.portal.books.application.BooksStore.TokenState;
import com.zylker.portal.core.zoho.ZohoApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "A double click on Save creates one record", across nodes. Each form carries a one-time token (in its view
 * state); the first submit claims it in the database and sends the write, a repeat finds it claimed and gets
 * the first one's outcome — a second click, a resent form or a replayed view state, on whichever node.
 * Books has no idempotency key, so this is where a second write is stopped.
 *
 * <p>A send Books refused (or never received: 429, not authorized) gives the token back, so the user can
 * correct and send again. A send whose outcome is unknown (no answer in time, a 5xx) keeps it as
 * {@code UNKNOWN}: the record may exist. The write carries a marker derived from the token (in the invoice's
 * {@code reference_number}, the payment's description), and the next submit of the same form looks for it
 * before sending anything.
 */
@ApplicationScoped
public class FormTokens {

    private static final Logger LOG = Logger.getLogger(FormTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a repeat waits for the first submit's outcome before saying "still saving". */
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(6);

    @Inject
    BooksStore store;

    public static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The marker a write made with this token carries (not the token: it is shown in Books). */
    public static String marker(String token) {
        return "ZP-" + HexFormat.of().formatHex(BooksStore.hash("marker:" + token)).substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /**
     * Sends {@code send} (which answers the new record's id) unless this form was sent already.
     *
     * @param findByMarker looks the record up at Books by {@link #marker}; used before resending a form whose
     *                     first send had an unknown outcome
     */
    public Submission submit(String user, String token, Supplier<Optional<String>> findByMarker, Supplier<String> send) {
        if (token == null || token.length() < 16 || token.length() > 100) {
            throw new IllegalArgumentException("a form token is required");
        }
        boolean retryAfterUnknown = false;
        // A repeat that comes after the first submit finds the row here; only truly simultaneous submits meet at
        // the primary key (the database then logs the duplicate key: the token's SHA-256, never the token).
        Optional<TokenRow> seen = store.token(user, token);
        try {
            if (seen.isPresent()) {
                throw new IllegalStateException("claimed already");
            }
            store.insertClaim(user, token);
        } catch (RuntimeException e) {
            Optional<TokenRow> row = seen.isPresent() ? seen : store.token(user, token);
            if (row.isEmpty()) {
                throw e;
            }
            if (row.get().state() == TokenState.UNKNOWN && store.moveToken(user, token, TokenState.UNKNOWN, TokenState.CLAIMED, null)) {
                retryAfterUnknown = true;
            } else {
                return awaitFirst(user, token);
            }
        }
        if (retryAfterUnknown) {
            Optional<String> found = findByMarker.get();
            if (found.isPresent()) {
                store.moveToken(user, token, TokenState.CLAIMED, TokenState.DONE, found.get());
                return Submission.found(found.get());
            }
        }
        String id;
        try {
            id = send.get();
        } catch (ZohoApiException z) {
            if (outcomeUnknown(z)) {
                store.moveToken(user, token, TokenState.CLAIMED, TokenState.UNKNOWN, null);
                Optional<String> found = quietly(findByMarker);
                if (found.isPresent()) {
                    store.moveToken(user, token, TokenState.UNKNOWN, TokenState.DONE, found.get());
                    return Submission.found(found.get());
                }
                return Submission.unknown();
            }
            store.releaseToken(user, token);
            throw z;
        } catch (RuntimeException e) {
            store.releaseToken(user, token);
            throw e;
        }
        store.moveToken(user, token, TokenState.CLAIMED, TokenState.DONE, id);
        return Submission.done(id);
    }

    /** No answer, or a server error: Books may or may not have written the record. */
    static boolean outcomeUnknown(ZohoApiException z) {
        return z.kind() == ZohoApiException.Kind.UNAVAILABLE;
    }

    private Optional<String> quietly(Supplier<Optional<String>> findByMarker) {
        try {
            return findByMarker.get();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "looking up a marker after an unknown outcome failed", e);
            return Optional.empty();
        }
    }

    private Submission awaitFirst(String user, String token) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<TokenRow> row = store.token(user, token);
            if (row.isEmpty()) {
                // The first send failed and gave the token back: this click was part of it, not a new save.
                return Submission.inProgress();
            }
            if (row.get().state() == TokenState.DONE) {
                return Submission.repeated(row.get().outcome());
            }
            if (row.get().state() == TokenState.UNKNOWN) {
                return Submission.unknown();
            }
            if (System.nanoTime() > deadline) {
                return Submission.inProgress();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Submission.inProgress();
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
