package com.zylker.portal.web.home;

import com.zylker.portal.core.access.SignInEndedException;
import com.zylker.portal.core.access.ZohoUnavailableException;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.token.TokenStoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns Zoho trouble into JSON the page can act on: 401 {@code signin-ended} (the page sends the user to sign
 * in again), 503 {@code zoho-unavailable} with a retry delay (the page offers a retry). Never a stack trace.
 */
@Provider
public class ZohoFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ZohoFailureMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof SignInEndedException) {
            return json(401, "signin-ended", "Your Zoho sign-in has ended — please sign in again.", null);
        }
        if (e instanceof ZohoUnavailableException u) {
            return json(503, "zoho-unavailable", u.getMessage(), u.retryAfter());
        }
        if (e instanceof ZohoApiException z) {
            return switch (z.kind()) {
                case RATE_LIMITED -> json(503, "zoho-busy", "Zoho is busy — please retry in "
                        + z.retryAfter().toSeconds() + " s.", z.retryAfter());
                case UNAVAILABLE -> json(503, "zoho-unavailable", "Zoho is not answering right now — please retry in a moment.",
                        Duration.ofSeconds(10));
                // Zoho refused even the freshly renewed token: a Zoho-side problem, not a reason to sign out.
                case UNAUTHORIZED -> json(503, "zoho-unauthorized", "Zoho did not accept your renewed sign-in. Please"
                        + " retry; if it keeps happening, sign out and sign in again.", Duration.ofSeconds(30));
                case SCOPE_MISMATCH -> json(403, "zoho-scope", "Your Zoho sign-in does not allow this; sign in again and accept all requested access.", null);
                default -> json(502, "zoho-error", "Zoho answered in a way the portal did not expect.", null);
            };
        }
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        if (e instanceof TokenStoreException) {
            LOG.log(Level.WARNING, "token store unavailable in an API call: " + e.getClass().getName());
            return json(503, "portal-unavailable", "The portal cannot reach its database right now. Please retry in a minute.",
                    Duration.ofSeconds(30));
        }
        LOG.log(Level.SEVERE, "unexpected failure in an API call", e);
        return json(500, "internal", "Something went wrong on our side. Please try again.", null);
    }

    private static Response json(int status, String error, String message, Duration retryAfter) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(retryAfter == null ? Map.of("error", error, "message", message)
                        : Map.of("error", error, "message", message, "retryAfterSeconds", retryAfter.toSeconds()));
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter.toSeconds());
        }
        return builder.build();
    }
}
