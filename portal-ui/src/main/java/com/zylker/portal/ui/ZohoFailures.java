package com.zylker.portal.ui;

import com.zylker.portal.core.access.SignInEndedException;
import com.zylker.portal.core.access.ZohoUnavailableException;
import com.zylker.portal.core.token.TokenStoreException;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.ui.ZohoFailure.Next;
import java.time.Duration;
import java.util.Optional;

/**
 * The one mapping from what went wrong with Zoho (or with the token store behind it) to words a person
 * understands. The JAX-RS exception mapper every WAR gets and the Faces exception handler both use it, so a
 * page and its JSON say the same thing.
 *
 * <pre>{@code
 * ZohoFailures.of(exception).ifPresent(f -> show(f.message()));   // "Zoho is busy — please retry in 30 s."
 * }</pre>
 */
public final class ZohoFailures {

    /** When Zoho gives no hint: long enough for a passing hiccup, short enough that people wait for it. */
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(30);

    private ZohoFailures() {
    }

    /** The failure in words, when {@code e} or one of its causes is one this class knows; empty otherwise. */
    public static Optional<ZohoFailure> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<ZohoFailure> failure = direct(t);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZohoFailure> direct(Throwable t) {
        if (t instanceof SignInEndedException) {
            return Optional.of(new ZohoFailure(401, "signin-ended",
                    "Your Zoho sign-in has ended — please sign in again.", null, Next.SIGN_IN));
        }
        if (t instanceof ZohoUnavailableException u) {
            // Its message is written for users by the access-token service ("Zoho is not answering …").
            return Optional.of(new ZohoFailure(503, "zoho-unavailable", u.getMessage(),
                    u.retryAfter() == null ? DEFAULT_RETRY : u.retryAfter(), Next.RETRY));
        }
        if (t instanceof ZohoApiException z) {
            return Optional.of(api(z));
        }
        if (t instanceof TokenStoreException) {
            return Optional.of(new ZohoFailure(503, "portal-unavailable",
                    "The portal cannot reach its database right now. Please retry in a minute.", DATABASE_RETRY, Next.RETRY));
        }
        return Optional.empty();
    }

    private static ZohoFailure api(ZohoApiException z) {
        return switch (z.kind()) {
            case RATE_LIMITED -> {
                Duration wait = z.retryAfter() == null ? DEFAULT_RETRY : z.retryAfter();
                yield new ZohoFailure(503, "zoho-busy", "Zoho is busy — please retry in " + wait.toSeconds() + " s.",
                        wait, Next.RETRY);
            }
            case UNAVAILABLE -> new ZohoFailure(503, "zoho-unavailable",
                    "Zoho is not answering right now — please retry in a moment.", DEFAULT_RETRY, Next.RETRY);
            // Zoho refused even the freshly renewed token: a Zoho-side problem, not a reason to sign out.
            case UNAUTHORIZED -> new ZohoFailure(503, "zoho-unauthorized", "Zoho did not accept your renewed sign-in."
                    + " Please retry; if it keeps happening, sign out and sign in again.", Duration.ofSeconds(30), Next.RETRY);
            case SCOPE_MISMATCH -> new ZohoFailure(403, "zoho-scope", "Your Zoho sign-in does not allow this yet."
                    + " Sign in again and accept all the access the portal asks for.", null, Next.SIGN_IN_AGAIN);
            case FORBIDDEN -> new ZohoFailure(403, "zoho-forbidden", "Your Zoho profile does not allow this."
                    + " Ask your Zoho administrator if you need it.", null, Next.NOTHING);
            // Zoho's own text may name fields and internals: the user gets what to do, the log gets the rest.
            case INVALID_REQUEST -> new ZohoFailure(422, "zoho-refused", "Zoho did not accept this request."
                    + " Check what you entered and try again.", null, Next.NOTHING);
            // PROTOCOL, and any kind added later: something the portal does not understand yet.
            default -> new ZohoFailure(502, "zoho-error", "Zoho answered in a way the portal did not expect."
                    + " Please try again; if it keeps happening, tell the portal team.", null, Next.NOTHING);
        };
    }
}
