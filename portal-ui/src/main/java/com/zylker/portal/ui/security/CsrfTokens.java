package com.zylker.portal.ui.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The per-session CSRF token: HMAC-SHA256 of the portal session cookie's value under a key derived from
 * {@code portal.faces.state-key}. Every node has that key and every request has the cookie, so any node can
 * check a token made by another, and nothing is kept in memory or in the HTTP session. A page from another
 * site can make the browser send the cookie, but cannot read it (HttpOnly) nor a page of ours, so it cannot
 * know the token. A new session (sign-in rotates the cookie) means a new token.
 *
 * <pre>{@code
 * String token = tokens.tokenFor(SessionCookies.readSession(request));   // into <meta name="zy-csrf">
 * tokens.matches(cookie, request.getHeader(CsrfTokens.HEADER));           // in the filter
 * }</pre>
 */
@ApplicationScoped
public class CsrfTokens {

    /** The form field name (Faces and plain forms) … */
    public static final String PARAMETER = "zy-csrf";
    /** … and the request header (ajax, {@code fetch}) that carry the token. */
    public static final String HEADER = "X-CSRF-Token";
    static final String KEY_PROPERTY = "portal.faces.state-key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(CsrfTokens.class.getName());

    private SecretKeySpec key;

    public CsrfTokens() {
    }

    /** For tests and tools: tokens under the key derived from this base64 secret. */
    public CsrfTokens(String base64Secret) {
        this.key = derive(Base64.getDecoder().decode(base64Secret.trim()));
    }

    @PostConstruct
    void init() {
        Optional<String> secret = ConfigProvider.getConfig().getOptionalValue(KEY_PROPERTY, String.class);
        if (secret.isPresent() && !secret.get().isBlank()) {
            key = derive(Base64.getDecoder().decode(secret.get().trim()));
        } else {
            // Only a WAR started without the start script gets here; its view state is not shared either.
            LOG.warning(KEY_PROPERTY + " is not set: CSRF tokens use a key of this process only and fail on other nodes");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = derive(random);
        }
    }

    public String tokenFor(String sessionCookie) {
        if (sessionCookie == null || sessionCookie.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "zy-csrf/v1:" + sessionCookie));
    }

    public boolean matches(String sessionCookie, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(sessionCookie).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Its own key, not the view-state key itself: one secret, two purposes that never see each other's values. */
    private static SecretKeySpec derive(byte[] secret) {
        return new SecretKeySpec(hmac(new SecretKeySpec(secret, ALGORITHM), "zylker-portal csrf key v1"), ALGORITHM);
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
