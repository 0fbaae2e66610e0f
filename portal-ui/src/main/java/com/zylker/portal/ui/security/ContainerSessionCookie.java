package com.zylker.portal.ui.security;

import com.zylker.portal.core.security.SessionCookies;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;

/**
 * The container's own session cookie ({@code JSESSIONID}, which Faces creates on the landing and error pages
 * although the portal keeps nothing in it) under the portal's cookie rule: {@code Secure} whenever
 * {@code portal.base-url} is https, whatever the hop in front says ({@code HttpOnly} comes from the fragment's
 * {@code cookie-config}). Payara 6.2025 ignores a {@code SameSite} attribute set here (measured), so it has
 * none. Its name and path stay the container's (a {@code __Host-} name would need {@code Path=/}, and each
 * module's session is its own). Declared in {@code web-fragment.xml}.
 */
public class ContainerSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        if (SessionCookies.overHttps()) {
            cookie.setSecure(true);
        }
    }
}
