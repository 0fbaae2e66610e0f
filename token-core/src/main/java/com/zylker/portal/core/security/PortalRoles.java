package com.zylker.portal.core.security;

import com.zylker.portal.core.config.PortalConfig;
import java.util.Locale;
import java.util.Set;

/**
 * The portal's roles: {@code user} for everyone signed in, {@code admin} for the people {@code portal.admins}
 * names, by email or by Zoho account id (ZUID).
 */
public final class PortalRoles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private PortalRoles() {
    }

    public static Set<String> of(String email, PortalConfig config) {
        return of(email, null, config);
    }

    public static Set<String> of(String email, String zuid, PortalConfig config) {
        Set<String> admins = config.admins();
        boolean admin = admins.contains(email.toLowerCase(Locale.ROOT)) || zuid != null && !zuid.isBlank() && admins.contains(zuid);
        return admin ? Set.of(USER, ADMIN) : Set.of(USER);
    }
}
