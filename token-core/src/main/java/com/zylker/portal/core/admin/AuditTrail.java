package com.zylker.portal.core.admin;

import com.zylker.portal.core.persistence.LikePatterns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEventEntity> select = cb.createQuery(AuditEventEntity.class);
        Root<AuditEventEntity> e = select.from(AuditEventEntity.class);
        select.select(e).where(filters(cb, e, action, who)).orderBy(cb.desc(e.get("occurredAt")), cb.desc(e.get("id")));
        return em.createQuery(select).setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultStream().map(AuditEventEntity::toEvent).toList();
    }

    @Transactional
    public long count(AuditAction action, String who) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEventEntity> e = count.from(AuditEventEntity.class);
        count.select(cb.count(e)).where(filters(cb, e, action, who));
        return em.createQuery(count).getSingleResult();
    }

    /** Deletes the events older than {@code retention}, and only those; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        return em.createQuery("DELETE FROM AuditEventEntity e WHERE e.occurredAt < :cutoff")
                .setParameter("cutoff", now().minus(retention))
                .executeUpdate();
    }

    /** The optional filters as criteria: values are bound as parameters, never written into the query. */
    private static Predicate[] filters(CriteriaBuilder cb, Root<AuditEventEntity> e, AuditAction action, String who) {
        List<Predicate> filters = new ArrayList<>();
        if (action != null) {
            filters.add(cb.equal(e.get("action"), action));
        }
        if (who != null && !who.isBlank()) {
            filters.add(cb.or(LikePatterns.contains(cb, e.get("actor"), who), LikePatterns.contains(cb, e.get("subject"), who)));
        }
        return filters.toArray(Predicate[]::new);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
