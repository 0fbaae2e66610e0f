package com.zylker.portal.web.signin;

import com.zylker.portal.ui.security.Origins;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sign-out's own origin check, kept as a second line: portal-ui's CSRF filter already refuses every
 * cross-site post (and one without the session's token) before a servlet runs. Same rule as the filter:
 * {@code Origin} against {@code portal.base-url}, else {@code Sec-Fetch-Site}.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        return Origins.allows(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                ConfigProvider.getConfig().getValue("portal.base-url", String.class));
    }
}
