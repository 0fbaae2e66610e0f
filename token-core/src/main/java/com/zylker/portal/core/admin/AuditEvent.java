package com.zylker.portal.core.admin;

import java.time.Instant;

/**
 * One line of the audit trail: who ({@code actor}) did what to whom ({@code subject}), how many rows it
 * touched, from which client address. {@code detail} is plain text and may quote data from Zoho: escape it.
 */
public record AuditEvent(long id, Instant occurredAt, AuditAction action, String actor, String subject,
                         Integer count, String detail, String clientIp) {
}
