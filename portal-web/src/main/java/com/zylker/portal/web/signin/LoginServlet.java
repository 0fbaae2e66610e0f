package com.zylker.portal.web.signin;

import com.zylker.portal.core.security.ClientAddresses;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.security.SessionCookies;
import com.zylker.portal.core.signin.ReturnPaths;
import com.zylker.portal.core.signin.SignInService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /login[?dc=eu][&return=/crm/]}: starts Login with Zoho at the chosen (or default) data centre. */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final int STATE_COOKIE_SECONDS = 600;

    @Inject
    SignInService signIn;

    @Inject
    PortalUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (user.isSignedIn()) {
            response.sendRedirect(ReturnPaths.sanitize(request.getParameter("return")));
            return;
        }
        SignInService.Started started;
        try {
            started = signIn.start(request.getParameter("dc"), request.getParameter("return"), ClientAddresses.clientAddress(request));
        } catch (PortalSessions.TooManySignInsException e) {
            response.setHeader("Retry-After", "60");
            response.sendError(429);
            return;
        }
        SessionCookies.writeLoginState(request, response, started.state(), STATE_COOKIE_SECONDS);
        response.sendRedirect(started.authorizationUrl().toString());
    }
}
