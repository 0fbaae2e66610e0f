package com.zylker.portal.web.signin;

import com.zylker.portal.core.signin.ReturnPaths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Backs sign-in-again.xhtml, the re-consent page: the user's Zoho grant lacks a permission (scope) a screen
 * needs, e.g. it was given before the portal asked for it. Signing in again asks Zoho for every configured
 * scope with a fresh consent, then returns to the page the user was on.
 */
@Named
@RequestScoped
public class SignInAgainView {

    @Inject
    HttpServletRequest request;

    /** Where to go after signing in again: a path on this portal only. */
    public String getReturnPath() {
        String sanitized = ReturnPaths.sanitize(request.getParameter("return"));
        return sanitized == null || sanitized.isEmpty() ? ReturnPaths.HOME : sanitized;
    }

    public String getLoginUrl() {
        return "/login?return=" + URLEncoder.encode(getReturnPath(), StandardCharsets.UTF_8);
    }
}
