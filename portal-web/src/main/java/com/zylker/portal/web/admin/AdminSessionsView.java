package com.zylker.portal.web.admin;

import com.zylker.portal.core.access.AccessTokenService;
import com.zylker.portal.core.admin.PortalAdministration;
import com.zylker.portal.core.admin.PurgeReport;
import com.zylker.portal.core.admin.SessionPurge;
import com.zylker.portal.core.admin.BlockedUsers;
import com.zylker.portal.core.security.ClientAddresses;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.security.SessionCookies;
import com.zylker.portal.core.session.PortalSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/} ↔ {@code admin/index.xhtml}: every portal session (lazy table, filter by user in the URL),
 * revoke one, sign a user out everywhere, block and unblock, the purge's last run, delete all. One service call
 * per action; the page is behind the {@code admin} role (web.xml), and every action checks it again.
 */
@Named
@RequestScoped
public class AdminSessionsView {

    /** The word to type before delete-all runs. */
    public static final String DELETE_WORD = "DELETE";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    PortalSessions sessions;

    @Inject
    PortalAdministration administration;

    @Inject
    SessionPurge purge;

    @Inject
    BlockedUsers blocked;

    @Inject
    PortalUser user;

    @Inject
    HttpServletRequest request;

    private String userFilter;
    private SessionsLazyModel model;
    private String blockEmail;
    private String confirmWord;
    private AccessTokenService.DeleteAllOutcome deleted;
    private Optional<PurgeReport> lastPurge;

    public SessionsLazyModel getModel() {
        if (model == null) {
            model = new SessionsLazyModel(sessions, userFilter);
        }
        return model;
    }

    /** Revoke as clicked in the table: the session named by the row's own parameter, not its index. */
    public void revokeClicked() {
        String publicId = request.getParameter("revoke-session");
        if (publicId == null || publicId.isBlank()) {
            message(FacesMessage.SEVERITY_WARN, "That session had already ended.");
            return;
        }
        revoke(publicId);
    }

    /** Sign out everywhere as clicked in the table: the user named by the row's own parameter. */
    public void signOutEverywhereClicked() {
        String email = request.getParameter("everywhere-user");
        if (email == null || email.isBlank()) {
            message(FacesMessage.SEVERITY_WARN, "Pick a user in the table.");
            return;
        }
        signOutEverywhere(email.strip());
    }

    public void revoke(String publicId) {
        requireAdmin();
        Optional<PortalAdministration.SessionRevoked> revoked = administration.revokeSession(publicId, user.requireEmail(),
                ClientAddresses.clientAddress(request));
        if (revoked.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "That session had already ended.");
            return;
        }
        PortalAdministration.SessionRevoked r = revoked.get();
        message(r.revocation() == AccessTokenService.Revocation.FAILED ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                "Session of " + r.session().userEmail() + " ended" + (!r.grantEnded() ? "; their other sessions go on."
                        : r.revocation() == AccessTokenService.Revocation.FAILED
                        ? "; their grant was deleted, but Zoho did not confirm the revocation." : "; their Zoho grant was revoked."));
    }

    public void signOutEverywhere(String email) {
        requireAdmin();
        int ended = administration.signOutEverywhere(email, user.requireEmail(), ClientAddresses.clientAddress(request));
        message(FacesMessage.SEVERITY_INFO, email + " was signed out everywhere (" + ended + " sessions).");
    }

    public void block() {
        requireAdmin();
        try {
            boolean added = administration.block(blockEmail, user.requireEmail(), ClientAddresses.clientAddress(request));
            message(FacesMessage.SEVERITY_INFO, added ? blockEmail.strip() + " is blocked and signed out everywhere."
                    : blockEmail.strip() + " was blocked already.");
            blockEmail = null;
        } catch (IllegalArgumentException e) {
            message(FacesMessage.SEVERITY_ERROR, "Enter the email address of the person to block.");
        }
    }

    public void unblock(String email) {
        requireAdmin();
        administration.unblock(email, user.requireEmail(), ClientAddresses.clientAddress(request));
        message(FacesMessage.SEVERITY_INFO, email + " may sign in again.");
    }

    public void purgeNow() {
        requireAdmin();
        PurgeReport report = purge.runNow(user.requireEmail());
        lastPurge = null;
        message(FacesMessage.SEVERITY_INFO, report.ran() ? "Purge done: " + describe(report)
                : "A purge ran moments ago or is running on another node; nothing was done.");
    }

    /**
     * Delete all: every grant revoked at Zoho, every token deleted — everyone, this administrator included, is
     * signed out. The page then lists what Zoho refused, and this browser's cookie is cleared.
     */
    public void deleteAll() {
        requireAdmin();
        if (confirmWord == null || !DELETE_WORD.equals(confirmWord.strip())) {
            message(FacesMessage.SEVERITY_ERROR, "Type " + DELETE_WORD + " to confirm.");
            return;
        }
        deleted = administration.deleteAll(user.requireEmail(), ClientAddresses.clientAddress(request));
        SessionCookies.clearSession(request, (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse());
    }

    public AccessTokenService.DeleteAllOutcome getDeleted() {
        return deleted;
    }

    public List<BlockedUsers.Blocked> getBlockedUsers() {
        return blocked.all();
    }

    public Optional<PurgeReport> getLastPurge() {
        if (lastPurge == null) {
            lastPurge = purge.lastRuns(1).stream().findFirst();
        }
        return lastPurge;
    }

    public String describe(PurgeReport r) {
        return r.sessions() + " sessions, " + r.loginStates() + " sign-in attempts, " + r.tokens() + " unused tokens"
                + (r.revokeFailures() > 0 ? " (" + r.revokeFailures() + " not confirmed by Zoho)" : "") + ", "
                + r.auditRows() + " old audit rows";
    }

    /** An email's part before the {@code @} (all of it without one): the table breaks the line there. */
    public String beforeAt(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /** An email from its {@code @} on (empty without one). */
    public String fromAt(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "" : email.substring(at);
    }

    public String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    public String millis(Duration duration) {
        return duration == null ? "—" : duration.toMillis() + " ms";
    }

    public String getDeleteWord() {
        return DELETE_WORD;
    }

    public String getUserFilter() {
        return userFilter;
    }

    public void setUserFilter(String userFilter) {
        this.userFilter = userFilter == null || userFilter.length() > 100 ? null : userFilter;
    }

    public String getBlockEmail() {
        return blockEmail;
    }

    public void setBlockEmail(String blockEmail) {
        this.blockEmail = blockEmail;
    }

    public String getConfirmWord() {
        return confirmWord;
    }

    public void setConfirmWord(String confirmWord) {
        this.confirmWord = confirmWord;
    }

    /** Belt and braces: the container already refuses /admin/* to everyone without the role. */
    private void requireAdmin() {
        if (!user.isAdmin()) {
            throw new SecurityException("admin role required");
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
