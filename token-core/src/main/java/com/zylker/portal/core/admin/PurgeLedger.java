package com.zylker.portal.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The purge's lease ({@code purge_lease}, one row) and its record of runs ({@code purge_run}), each in a
 * transaction of its own so the lease is visible to other nodes at once.
 */
@ApplicationScoped
public class PurgeLedger {

    static final long MANUAL_SPACING_SECONDS = 10;
    private static final Duration LEASE = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    /** The last runs, newest first. */
    @Transactional
    public List<PurgeReport> lastRuns(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT node, started_at, duration_ms, sessions, login_states, tokens,"
                        + " revoke_failures, audit_rows FROM purge_run ORDER BY started_at DESC, id DESC")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> new PurgeReport(true, (String) r[0], instant(r[1]),
                Duration.ofMillis(((Number) r[2]).longValue()), number(r[3]), number(r[4]), number(r[5]), number(r[6]),
                number(r[7]))).toList();
    }

    /** How many runs were recorded (tests: two nodes at once record one). */
    @Transactional
    public long runCount() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM purge_run").getSingleResult()).longValue();
    }

    /** Takes the lease if the run is due (or, by hand, none started moments ago) and nobody holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String node, Instant now, boolean manual, Duration interval) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        String condition = manual ? " AND last_started <= ?4" : " AND next_due <= ?1";
        var update = em.createNativeQuery("UPDATE purge_lease SET holder = ?2, lease_until = ?3, last_started = ?1,"
                        + " next_due = ?5 WHERE name = 'purge' AND lease_until < ?1" + condition)
                .setParameter(1, at)
                .setParameter(2, node)
                .setParameter(3, at.plus(LEASE))
                .setParameter(5, at.plus(interval).minusSeconds(1));
        if (manual) {
            update.setParameter(4, at.minusSeconds(MANUAL_SPACING_SECONDS));
        }
        int claimed = update.executeUpdate();
        return claimed == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String node) {
        em.createNativeQuery("UPDATE purge_lease SET holder = NULL, lease_until = ?1 WHERE name = 'purge' AND holder = ?2")
                .setParameter(1, LocalDateTime.of(1970, 1, 1, 0, 0))
                .setParameter(2, node)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PurgeReport r) {
        em.createNativeQuery("INSERT INTO purge_run (node, started_at, duration_ms, sessions, login_states, tokens,"
                        + " revoke_failures, audit_rows) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, r.node())
                .setParameter(2, LocalDateTime.ofInstant(r.startedAt(), ZoneOffset.UTC))
                .setParameter(3, r.duration().toMillis())
                .setParameter(4, r.sessions())
                .setParameter(5, r.loginStates())
                .setParameter(6, r.tokens())
                .setParameter(7, r.revokeFailures())
                .setParameter(8, r.auditRows())
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
