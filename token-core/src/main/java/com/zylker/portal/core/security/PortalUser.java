package com.zylker.portal.core.security;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.session.PortalSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is signed in, for pages ({@code #{portalUser.displayName}}) and beans: read from the session the
 * authentication mechanism found for this request.
 */
@Named("portalUser")
@RequestScoped
public class PortalUser {

    @Inject
    HttpServletRequest request;

    @Inject
    PortalConfig config;

    public Optional<PortalSession> session() {
        return Optional.ofNullable((PortalSession) request.getAttribute(PortalAuthenticationMechanism.SESSION_ATTRIBUTE));
    }

    public boolean isSignedIn() {
        return session().isPresent();
    }

    public String getEmail() {
        return session().map(PortalSession::userEmail).orElse(null);
    }

    public String getDisplayName() {
        return session().map(s -> s.displayName() == null || s.displayName().isBlank() ? s.userEmail() : s.displayName())
                .orElse(null);
    }

    public String getDataCentre() {
        return session().map(PortalSession::dataCentre).orElse(null);
    }

    public boolean isAdmin() {
        return session().map(s -> PortalRoles.of(s.userEmail(), s.zuid(), config).contains(PortalRoles.ADMIN)).orElse(false);
    }

    /** The signed-in user's email; for code paths that only run behind a security constraint. */
    public String requireEmail() {
        return session().map(PortalSession::userEmail)
                .orElseThrow(() -> new IllegalStateException("no signed-in user on this request"));
    }
}
