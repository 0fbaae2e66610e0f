package com.zylker.portal.web.signin;

import com.zylker.portal.core.security.ClientAddresses;
import com.zylker.portal.core.security.SessionCookies;
import com.zylker.portal.core.signin.SignInService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /logout[?everywhere=true]}: ends this browser's session (or all of the user's) and shows the
 * landing page. A GET only shows the home page: signing out changes state, so it needs a POST (and the
 * SameSite=Lax session cookie keeps other sites from posting it for the user).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    SignInService signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SameOrigin.isSameOrigin(request)) {
            // Another site posting a sign-out (it would revoke the user's Zoho grant): refuse.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String session = SessionCookies.readSession(request);
        SessionCookies.clearSession(request, response);
        response.setHeader("Cache-Control", "no-store");
        if (session != null) {
            try {
                signIn.signOut(session, "true".equals(request.getParameter("everywhere")), ClientAddresses.clientAddress(request));
            } catch (RuntimeException e) {
                // This browser is signed out (cookie cleared); the rows could not be removed now.
                LOG.log(Level.WARNING, "sign-out could not reach the database: " + e.getClass().getName());
                response.setHeader("Retry-After", "30");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/?signin=out");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/home");
    }
}
