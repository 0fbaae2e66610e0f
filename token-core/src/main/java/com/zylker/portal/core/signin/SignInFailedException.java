package com.zylker.portal.core.signin;

/** A sign-in that did not complete; nothing was stored and no session was created. */
public class SignInFailedException extends RuntimeException {

    private final SignInProblem problem;

    public SignInFailedException(SignInProblem problem, String detail, Throwable cause) {
        super(problem.name() + ": " + detail, cause);
        this.problem = problem;
    }

    public SignInProblem problem() {
        return problem;
    }
}
