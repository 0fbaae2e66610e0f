package com.zylker.portal.core.access;

/**
 * Zoho refused the user's refresh token (revoked, password changed, app removed): the user's sessions have
 * been ended and the only way forward is to sign in again. Pages turn it into the landing page with
 * "Your Zoho sign-in has ended — please sign in again".
 */
public class SignInEndedException extends RuntimeException {

    public SignInEndedException(String message) {
        super(message);
    }
}
