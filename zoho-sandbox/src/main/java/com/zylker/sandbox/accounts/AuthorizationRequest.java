package com.zylker.sandbox.accounts;

import java.util.List;

/**
 * The validated parameters of {@code /oauth/v2/auth}. They travel through the sign-in and consent pages as
 * hidden form fields (no HTTP session) and are validated again on every step.
 */
public record AuthorizationRequest(String clientId, String redirectUri, List<String> scopes, String state,
                                   boolean offline, boolean promptConsent) {

    public String scopeParam() {
        return String.join(",", scopes);
    }

    public String accessType() {
        return offline ? "offline" : "online";
    }

    public String prompt() {
        return promptConsent ? "consent" : "";
    }
}
