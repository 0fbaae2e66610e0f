package com.zylker.portal.ui.rest;

import com.zylker.portal.core.security.SignInLinks;
import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every WAR's {@code /api/…} answers failures as JSON a page script can act on, in the words of
 * {@link ZohoFailures}: {@code {"error": "zoho-busy", "message": "…", "retryAfterSeconds": 30}}, plus
 * {@code "signIn": "/login?return=<page>"} when the way forward is to sign in (again). Never a stack trace.
 * It is in portal-ui, so a WAR gets it by having a JAX-RS application.
 */
@Provider
public class ZohoFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ZohoFailureMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        return ZohoFailures.of(e).map(this::json).orElseGet(() -> {
            LOG.log(Level.SEVERE, "unexpected failure in an API call", e);
            return Response.status(500).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "internal", "message", "Something went wrong on our side. Please try again."))
                    .build();
        });
    }

    private Response json(ZohoFailure failure) {
        if ("portal-unavailable".equals(failure.error())) {
            LOG.warning("token store unavailable in an API call");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure.error());
        body.put("message", failure.message());
        if (failure.retryAfter() != null) {
            body.put("retryAfterSeconds", failure.retryAfter().toSeconds());
        }
        if (failure.next() == ZohoFailure.Next.SIGN_IN || failure.next() == ZohoFailure.Next.SIGN_IN_AGAIN) {
            body.put("signIn", SignInLinks.signIn(SignInLinks.pageOf(request)));
        }
        Response.ResponseBuilder response = Response.status(failure.status()).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").entity(body);
        if (failure.retryAfter() != null) {
            response.header("Retry-After", failure.retryAfter().toSeconds());
        }
        return response.build();
    }
}
