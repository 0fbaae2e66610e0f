package com.zylker.portal.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail ({@code audit_event}): every sign-in, sign-out, refused sign-in, block, revoke, delete-all
 * and purge. Each event is written in a transaction of its own, so an action that fails afterwards still
 * leaves its record; a failure to write one is logged and never fails the action. Never a token value.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    Clock clock = Clock.systemUTC();

    /** Records one event; never throws. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditAction action, String actor, String subject, Integer count, String detail, String clientIp) {
        try {
            em.persist(new AuditEventEntity(now(), action, cut(actor, 320), cut(subject, 320), count, cut(detail, 1000),
                    cut(clientIp, 45)));
            em.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write an audit event " + action + ": " + e.getClass().getName());
        }
    }

    /** One page, newest first; {@code action} and {@code who} (actor or subject contains) are optional filters. */
    @Transactional
    public List<AuditEvent> page(AuditAction action, String who, int offset, int limit) {
        TypedQuery<AuditEventEntity> query = em.createQuery("SELECT e FROM AuditEventEntity e" + where(action, who)
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEventEntity.class);
        bind(query, action, who);
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultStream().map(AuditEventEntity::toEvent).toList();
    }

    @Transactional
    public long count(AuditAction action, String who) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(e) FROM AuditEventEntity e" + where(action, who), Long.class);
        bind(query, action, who);
        return query.getSingleResult();
    }

    /** Deletes the events older than {@code retention}, and only those; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        return em.createQuery("DELETE FROM AuditEventEntity e WHERE e.occurredAt < :cutoff")
                .setParameter("cutoff", now().minus(retention))
                .executeUpdate();
    }

    private static String where(AuditAction action, String who) {
        StringBuilder where = new StringBuilder();
        if (action != null) {
            where.append(" WHERE e.action = :action");
        }
        if (who != null && !who.isBlank()) {
            where.append(action == null ? " WHERE" : " AND").append(" (LOWER(e.actor) LIKE :who OR LOWER(e.subject) LIKE :who)");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, AuditAction action, String who) {
        if (action != null) {
            query.setParameter("action", action);
        }
        if (who != null && !who.isBlank()) {
            String text = cut(who.strip().toLowerCase(Locale.ROOT), 100).replace("%", "").replace("_", "").replace("\\", "");
            query.setParameter("who", "%" + text + "%");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
