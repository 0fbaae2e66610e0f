package com.zylker.portal.web.account;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.session.PortalSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs account.xhtml's "Your sign-in": who you are to the portal (the rest comes from {@code #{portalUser}}). */
@Named
@RequestScoped
public class AccountView {

    @Inject
    PortalUser user;

    @Inject
    PortalSessions sessions;

    public String getRole() {
        return user.isAdmin() ? "Portal administrator" : "Staff";
    }

    /** In how many browsers this user is signed in ("Sign out everywhere" ends them all). */
    public long getSignedInBrowsers() {
        return sessions.countFor(user.requireEmail());
    }
}
