package com.zylker.portal.ui.security;

import com.zylker.portal.core.security.SessionCookies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code #{zylkerCsrf.token}}: this browser's CSRF token for the layout's {@code <meta name="zy-csrf">} and
 * forms; empty for a visitor without a session (who needs none).
 */
@Named("zylkerCsrf")
@RequestScoped
public class CsrfView {

    @Inject
    HttpServletRequest request;

    @Inject
    CsrfTokens tokens;

    public String getToken() {
        return tokens.tokenFor(SessionCookies.readSession(request));
    }

    public String getParameter() {
        return CsrfTokens.PARAMETER;
    }
}
