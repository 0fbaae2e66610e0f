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
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one sign-in check of every WAR: the session cookie is looked up in the shared session table on every
 * request, so one Login with Zoho serves {@code /}, {@code /crm} and {@code /books}, and a deleted session row
 * signs the browser out of every module at once.
 *
 * <p>Protected pages (security constraints in each WAR's web.xml) send a visitor without a session to
 * {@code /login} with the page as return path — to {@code /session-ended} first when the browser's session
 * ended — Faces ajax postbacks get the same as a partial-response redirect, and API calls ({@code /api/…}) a
 * 401 with JSON naming the sign-in link ({@link SignInLinks}).
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
                        PortalRoles.of(session.get().userEmail(), session.get().zuid(), config));
            }
            SessionCookies.clearSession(request, response);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return signInRequired(request, response, context, cookie != null);
    }

    /**
     * No valid session on a private address. {@code ended}: the browser had a session cookie that no longer
     * names a session (signed out elsewhere, expired, revoked): the user sees "Your session ended" first.
     * Each kind of request gets an answer its caller can act on: a redirect for a page or a form post, a
     * partial-response redirect for a Faces ajax postback (a 302 would be followed inside the XHR and its
     * HTML would break the page's script), and 401 JSON with the sign-in link for {@code /api/…}.
     */
    private static AuthenticationStatus signInRequired(HttpServletRequest request, HttpServletResponse response,
                                                       HttpMessageContext context, boolean ended) {
        String page = SignInLinks.pageOf(request);
        if (isApi(request)) {
            response.setHeader("WWW-Authenticate", "Session");
            return write(response, HttpServletResponse.SC_UNAUTHORIZED, "application/json",
                    "{\"error\":\"" + (ended ? "signin-ended" : "signin-required") + "\",\"message\":\""
                            + (ended ? "Your session ended — sign in to carry on." : "Please sign in.")
                            + "\",\"signIn\":\"" + SignInLinks.signIn(page) + "\"}");
        }
        String target = ended ? SignInLinks.sessionEnded(page) : SignInLinks.signIn(page);
        if (SignInLinks.isFacesAjax(request)) {
            return write(response, HttpServletResponse.SC_OK, "text/xml", SignInLinks.partialRedirect(target));
        }
        return context.redirect(target);
    }

    /** A complete answer written here; SEND_CONTINUE tells the container not to add its own. */
    private static AuthenticationStatus write(HttpServletResponse response, int status, String type, String body) {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getWriter().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine("client went away before the sign-in answer was written");
        }
        return AuthenticationStatus.SEND_CONTINUE;
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
}
