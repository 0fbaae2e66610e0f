package com.zylker.portal.core.security;

import com.zylker.portal.core.config.PortalConfig;
import java.util.Locale;
import java.util.Set;

/** The portal's roles: {@code user} for everyone signed in, {@code admin} for the emails in {@code portal.admins}. */
public final class PortalRoles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private PortalRoles() {
    }

    public static Set<String> of(String email, PortalConfig config) {
        return config.admins().contains(email.toLowerCase(Locale.ROOT)) ? Set.of(USER, ADMIN) : Set.of(USER);
    }
}
