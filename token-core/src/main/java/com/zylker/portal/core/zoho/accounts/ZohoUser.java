package com.zylker.portal.core.zoho.accounts;

/**
 * The signed-in user's Zoho profile ({@code /oauth/user/info}). The email is the portal's user name, so it is
 * always present; the other fields may be {@code null}, except that {@code displayName} falls back to the names
 * and then to the email.
 */
public record ZohoUser(String zuid, String email, String displayName, String firstName, String lastName) {

    public ZohoUser {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("email is required");
        }
    }
}
