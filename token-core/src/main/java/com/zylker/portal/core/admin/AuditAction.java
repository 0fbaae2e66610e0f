package com.zylker.portal.core.admin;

/** What the audit trail records. */
public enum AuditAction {
    SIGN_IN, SIGN_OUT, SIGN_OUT_EVERYWHERE, SIGN_IN_REFUSED, BLOCK, UNBLOCK, REVOKE_SESSION,
    ADMIN_SIGN_OUT_USER, DELETE_ALL, REVOCATION_REFUSED, PURGE
}
