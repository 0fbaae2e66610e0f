package com.zylker.portal.web.admin;

import com.zylker.portal.core.admin.SessionPurge;
import com.zylker.portal.core.config.PortalConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs {@link SessionPurge#runIfDue()} every {@code portal.purge.interval} on the server's managed scheduled
 * executor, from portal-web only (the other WARs carry token-core too but do not schedule). Every node
 * schedules; the purge's lease lets one of them run per interval. The first run comes one interval after start.
 */
@ApplicationScoped
public class PurgeSchedule {

    private static final Logger LOG = Logger.getLogger(PurgeSchedule.class.getName());

    @Inject
    SessionPurge purge;

    @Inject
    PortalConfig config;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Duration interval = config.purgeInterval();
        if (interval.isNegative() || interval.isZero()) {
            LOG.warning("portal.purge.interval is not positive: the purge is not scheduled");
            return;
        }
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            long seconds = Math.max(1, interval.toSeconds());
            task = executor.scheduleAtFixedRate(this::tick, seconds, seconds, TimeUnit.SECONDS);
        } catch (NamingException e) {
            LOG.log(Level.SEVERE, "no managed scheduled executor: the purge is not scheduled", e);
        }
    }

    private void tick() {
        try {
            purge.runIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the scheduled purge failed; it runs again next interval: " + e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
