package com.zylker.portal.core.metrics;

import com.zylker.portal.core.session.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Registers the gauges read from the database when the WAR starts: active sessions, of every node. */
@ApplicationScoped
public class PortalGauges {

    @Inject
    PortalMetrics metrics;

    @Inject
    PortalSessions sessions;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        metrics.prepare();
        metrics.gauge("portal.sessions.active", "Portal sessions neither idle past the timeout nor past their maximum age",
                () -> {
                    try {
                        return sessions.countActive();
                    } catch (RuntimeException e) {
                        return -1; // the database is down: readiness says so; the gauge must not fail the scrape
                    }
                });
    }
}
