package com.zylker.portal.core.security;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.session.PortalSession;
import com.zylker.portal.core.session.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one sign-in check of every WAR: the session cookie is looked up in the shared session table on every
 * request, so one Login with Zoho serves {@code /}, {@code /crm} and {@code /books}, and a deleted session row
 * signs the browser out of every module at once.
 *
 * <p>Protected pages (security constraints in each WAR's web.xml) send a visitor without a session to
 * {@code /login} with the page as return path; API calls ({@code /api/…}) get a 401 instead of a redirect.
 * Private pages are sent with {@code Cache-Control: no-store}.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the {@link PortalSession} of a signed-in request. */
    public static final String SESSION_ATTRIBUTE = PortalSession.class.getName();
    private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

    @Inject
    PortalSessions sessions;

    @Inject
    PortalConfig config;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isPublicResource(request, context)) {
            // Scripts, styles and icons: the same for everyone, so no session lookup and no no-store header.
            return context.doNothing();
        }
        String cookie = SessionCookies.readSession(request);
        if (cookie != null) {
            Optional<PortalSession> session;
            try {
                session = sessions.touch(cookie);
            } catch (RuntimeException e) {
                return unavailable(request, response, e);
            }
            if (session.isPresent()) {
                request.setAttribute(SESSION_ATTRIBUTE, session.get());
                response.setHeader("Cache-Control", "no-store");
                return context.notifyContainerAboutLogin(new CallerPrincipal(session.get().userEmail()),
                        PortalRoles.of(session.get().userEmail(), config));
            }
            SessionCookies.clearSession(request, response);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            response.setHeader("WWW-Authenticate", "Session");
            return context.responseUnauthorized();
        }
        return context.redirect("/login" + returnParameter(request));
    }

    /**
     * The session table cannot be read (database down): a clear 503 — the error page, or JSON for the API —
     * instead of the container's generic 500, and the session cookie is kept for when the database is back.
     */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    RuntimeException cause) {
        LOG.warning(() -> "session lookup failed, answering 503: " + cause.getClass().getName());
        response.setHeader("Retry-After", "30");
        try {
            if (isApi(request)) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"portal-unavailable\",\"message\":\"The portal cannot reach"
                        + " its database right now. Please retry in a minute.\",\"retryAfterSeconds\":30}");
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        } catch (IOException e) {
            LOG.fine("client went away before the 503 was written");
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isPublicResource(HttpServletRequest request, HttpMessageContext context) {
        return !context.isProtected()
                && request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private static String returnParameter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "";
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return "?return=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
