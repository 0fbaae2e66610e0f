package com.zylker.portal.core.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A row of {@code audit_event}. Times UTC, whole seconds. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private LocalDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 32, nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "actor", length = 320, updatable = false)
    private String actor;

    @Column(name = "subject", length = 320, updatable = false)
    private String subject;

    @Column(name = "item_count", updatable = false)
    private Integer count;

    @Column(name = "detail", length = 1000, updatable = false)
    private String detail;

    @Column(name = "client_ip", length = 45, updatable = false)
    private String clientIp;

    protected AuditEventEntity() {
    }

    AuditEventEntity(LocalDateTime occurredAt, AuditAction action, String actor, String subject, Integer count,
                     String detail, String clientIp) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.actor = actor;
        this.subject = subject;
        this.count = count;
        this.detail = detail;
        this.clientIp = clientIp;
    }

    AuditEvent toEvent() {
        return new AuditEvent(id, occurredAt.toInstant(ZoneOffset.UTC), action, actor, subject, count, detail, clientIp);
    }
}
