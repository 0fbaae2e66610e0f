package com.zylker.portal.web.signin;

import com.zylker.portal.core.signin.SignInProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Backs sign-in-problem.xhtml: the problem the callback found, or a generic one when opened directly. */
@Named
@RequestScoped
public class SignInProblemView {

    @Inject
    HttpServletRequest request;

    public SignInProblem getProblem() {
        Object problem = request.getAttribute(CallbackServlet.PROBLEM_ATTRIBUTE);
        return problem instanceof SignInProblem p ? p : SignInProblem.STATE_INVALID;
    }
}
