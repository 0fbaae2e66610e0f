package com.zylker.sandbox.accounts;

/** An authorization request the sandbox must refuse with an error page (HTTP 400) and no redirect. */
public class AuthorizationException extends RuntimeException {

    private final String title;

    public AuthorizationException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
