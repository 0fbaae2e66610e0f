package com.zylker.portal.web.signin;

import com.zylker.portal.core.security.SignInLinks;
import com.zylker.portal.core.signin.ReturnPaths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Backs session-ended.xhtml, where every module sends a request that arrived after its session ended: the
 * sign-in link that comes back to the page ({@code ?return=}, kept to this portal's paths).
 */
@Named
@RequestScoped
public class SessionEndedView {

    @Inject
    HttpServletRequest request;

    public String getSignInUrl() {
        return SignInLinks.signIn(getReturnPath());
    }

    public String getReturnPath() {
        return ReturnPaths.sanitize(request.getParameter("return"));
    }
}
