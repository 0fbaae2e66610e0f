package com.zylker.portal.core.metrics;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.health.ZohoReachability;
import com.zylker.portal.core.persistence.PortalDataSource;
import com.zylker.portal.core.session.SessionPolicy;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers the gauges when the WAR starts: active sessions, of every node, read from the database; the
 * shared pool's use, read from Payara's monitoring ({@link PoolUsage}); whether each data centre's accounts
 * server answers ({@link ZohoReachability#lastKnown}, never waiting for a probe). The
 * metrics endpoint calls a gauge on Payara's own thread, outside any application: so the count is one plain
 * JDBC query on the shared pool (never JPA, whose per-application state must not be initialised from a
 * foreign thread), cached for 5 s.
 */
@ApplicationScoped
public class PortalGauges {

    private static final Duration CACHE = Duration.ofSeconds(5);

    @Inject
    PortalMetrics metrics;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    @Inject
    ZohoReachability reachability;

    @Inject
    ZohoAccounts accounts;

    private final PoolUsage pool = new PoolUsage();
    private volatile long activeSessions = -1;
    private volatile Instant countedAt = Instant.EPOCH;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        metrics.prepare();
        SessionPolicy policy = SessionPolicy.from(config);
        metrics.gauge("portal.sessions.active", "Portal sessions neither idle past the timeout nor past their maximum age",
                () -> activeSessions(policy));
        String connections = "Connections of the shared pool now: handed out (used) or open and idle (free)";
        metrics.gauge("portal.pool.connections", connections, pool::used, new Tag("state", "used"));
        metrics.gauge("portal.pool.connections", connections, pool::free, new Tag("state", "free"));
        metrics.gauge("portal.pool.connections.used.peak", "The most pool connections in use at once since the start",
                pool::usedPeak);
        metrics.gauge("portal.pool.waiting.requests", "Requests waiting for a pool connection now", pool::waiting);
        metrics.gauge("portal.pool.acquired", "Pool connections handed out since the start", pool::acquired);
        for (ZohoDataCentre dc : accounts.all()) {
            String id = dc.id();
            metrics.gauge("portal.zoho.reachable", "Whether this node reaches the data centre's accounts server: 1, 0, -1 not yet probed",
                    () -> reachability.lastKnown(id).map(p -> p.reachable() ? 1 : 0).orElse(-1), new Tag("dc", id));
        }
    }

    private long activeSessions(SessionPolicy policy) {
        Instant now = clock.instant();
        if (now.isAfter(countedAt.plus(CACHE)) || now.isBefore(countedAt)) {
            activeSessions = count(now, policy);
            countedAt = now;
        }
        return activeSessions;
    }

    private static long count(Instant now, SessionPolicy policy) {
        try (Connection connection = PortalDataSource.lookup().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM portal_session WHERE last_seen_at > ? AND created_at > ?")) {
            // The columns hold UTC wall-clock times (LocalDateTime), as PortalSessions writes them.
            query.setObject(1, LocalDateTime.ofInstant(now.minus(policy.idleTimeout()), ZoneOffset.UTC));
            query.setObject(2, LocalDateTime.ofInstant(now.minus(policy.maxAge()), ZoneOffset.UTC));
            query.setQueryTimeout(2);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException | RuntimeException e) {
            return -1; // the database is down: readiness says so; the gauge must not fail the scrape
        }
    }
}
