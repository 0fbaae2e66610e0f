package com.zylker.portal.web.signin;

import com.zylker.portal.core.security.ClientAddresses;
import com.zylker.portal.core.security.SessionCookies;
import com.zylker.portal.core.signin.SignInFailedException;
import com.zylker.portal.core.signin.SignInProblem;
import com.zylker.portal.core.signin.SignInService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /oauth/callback}: Zoho sends the browser back here. On success the browser gets a fresh session id
 * and goes where it first wanted to; on any problem it gets a page that says what happened and how to go on.
 */
@WebServlet("/oauth/callback")
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());
    static final String PROBLEM_ATTRIBUTE = SignInProblem.class.getName();

    @Inject
    SignInService signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        String stateCookie = SessionCookies.readLoginState(request);
        SessionCookies.clearLoginState(request, response);
        try {
            SignInService.Completed completed = signIn.complete(new SignInService.Callback(
                            request.getParameter("code"), request.getParameter("state"), request.getParameter("location"),
                            request.getParameter("accounts-server"), request.getParameter("error")),
                    stateCookie, SessionCookies.readSession(request), ClientAddresses.clientAddress(request), request.getHeader("User-Agent"));
            SessionCookies.writeSession(request, response, completed.sessionId());
            response.sendRedirect(completed.returnTo());
        } catch (SignInFailedException e) {
            LOG.info(() -> "sign-in did not complete: " + e.getMessage());
            showProblem(request, response, e.problem());
        } catch (RuntimeException e) {
            // The database (state, token or session rows) is unavailable: nothing was kept, say so plainly.
            LOG.log(Level.WARNING, "sign-in failed on our side: " + e.getClass().getName());
            showProblem(request, response, SignInProblem.PORTAL_UNAVAILABLE);
        }
    }

    private static void showProblem(HttpServletRequest request, HttpServletResponse response, SignInProblem problem)
            throws ServletException, IOException {
        boolean passing = problem == SignInProblem.ZOHO_UNAVAILABLE || problem == SignInProblem.PORTAL_UNAVAILABLE;
        boolean refused = problem == SignInProblem.NOT_ALLOWED || problem == SignInProblem.BLOCKED;
        response.setStatus(passing ? 503 : refused ? 403 : 400);
        request.setAttribute(PROBLEM_ATTRIBUTE, problem);
        request.getRequestDispatcher("/sign-in-problem.xhtml").forward(request, response);
    }
}
