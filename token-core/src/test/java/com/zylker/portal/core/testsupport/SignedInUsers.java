package com.zylker.portal.core.testsupport;

import com.zylker.portal.core.security.SessionCookies;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.token.TokenStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * For in-container tests of a single WAR: a signed-in user without going through Zoho — a stored token and a
 * portal session, exactly the rows a real sign-in leaves — and the cookie header that carries it.
 *
 * <pre>{@code
 * String cookie = SignedInUsers.signIn(tokenStore, sessions, "priya.raman@zylkeracademy.com", "Priya Raman");
 * PortalPages.get(base.toURI(), 200, cookie);
 * }</pre>
 */
public final class SignedInUsers {

    private SignedInUsers() {
    }

    public static String signIn(TokenStore tokens, PortalSessions sessions, String email, String displayName) {
        // The data centre as the WAR has it configured: the portal sends a token only to a configured DC's API
        // host, and ends a sign-in whose data centre is not configured.
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String accounts = config.getOptionalValue("zoho.dc.com.accounts-url", String.class).orElse("http://localhost:1/accounts/com");
        String api = config.getOptionalValue("zoho.dc.com.api-url", String.class).orElse("http://localhost:1/api/com");
        OAuthToken token = tokens.saveToken(OAuthToken.builder()
                .userName(email)
                .clientId("1000.ZYLKERDEMO")
                .accessToken("1000.it-access-" + email)
                .refreshToken("1000.it-refresh-" + email)
                .expiryTime(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))
                .apiDomain(api)
                .accountsServer(accounts)
                .build());
        String sessionId = sessions.create(email, displayName, token.id(), "com", "127.0.0.1", "in-container test");
        return SessionCookies.SESSION + "=" + sessionId;
    }
}
