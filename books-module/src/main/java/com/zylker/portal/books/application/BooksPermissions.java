package com.zylker.portal.books.application;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.zoho.ZohoApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Books applies each user's own role, and has no "what may I do" call: a user's first write that Books
 * refuses as not authorized (HTTP 401, code 57) is remembered per organization, in the database, for
 * {@code books.read-only.remember} (default {@value #DEFAULT_REMEMBER}) or until the user signs in again. Meanwhile the screens are read-only
 * with a note, and a write from that user — a forged request included — is refused here without a call.
 */
@ApplicationScoped
public class BooksPermissions {

    static final String DEFAULT_REMEMBER = "PT30M";
    public static final String READ_ONLY_NOTE = "Zoho Books lets you view invoices in this organization but not"
            + " change them (your Books role is view-only), so the portal shows them read-only. Ask a Books"
            + " administrator for more access; the portal asks Books again later.";
    static final Duration REMEMBER = Duration.ofMinutes(30);

    @Inject
    BooksStore store;

    @Inject
    PortalConfig config;

    @Inject
    com.zylker.portal.core.security.PortalUser portalUser;

    /** Known read-only, within this sign-in: a new sign-in asks Books afresh (a role may have changed). */
    public boolean readOnly(String user, String organizationId) {
        java.time.Instant signedInAt = portalUser.session().map(com.zylker.portal.core.session.PortalSession::createdAt)
                .orElse(java.time.Instant.EPOCH);
        return store.readOnly(user, organizationId, signedInAt);
    }

    /** Runs a Books write unless the user is known to be read-only; a "not authorized" refusal is remembered. */
    public <T> T write(String user, String organizationId, Supplier<T> write) {
        if (readOnly(user, organizationId)) {
            throw new ReadOnlyException();
        }
        try {
            return write.get();
        } catch (ZohoApiException z) {
            if (z.kind() == ZohoApiException.Kind.FORBIDDEN) {
                store.rememberReadOnly(user, organizationId, remember());
            }
            throw z;
        }
    }

    Duration remember() {
        return Duration.parse(config.optionalValue("books.read-only.remember").orElse(DEFAULT_REMEMBER));
    }
}
