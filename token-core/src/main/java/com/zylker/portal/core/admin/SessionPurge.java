package com.zylker.portal.core.admin;

import com.zylker.portal.core.access.AccessTokenService;
import com.zylker.portal.core.access.RefreshBackoff;
import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.session.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The scheduled clean-up: sessions past the idle timeout or maximum age, sign-in attempts past their life,
 * tokens no session uses any more (revoked at Zoho first), and audit rows older than
 * {@code portal.audit.retention}.
 *
 * <p>One node at a time: a run starts only by moving the single {@code purge_lease} row forward with a
 * conditional {@code UPDATE} (due and not leased; a run by hand needs only that none started in the last
 * {@value PurgeLedger#MANUAL_SPACING_SECONDS} s). Whoever's update changed the row runs; everyone else skips. Two nodes
 * firing at the same moment therefore remove each row once and record one run.
 */
@ApplicationScoped
public class SessionPurge {

    /** A token written this recently may belong to a sign-in whose session is being created. */
    static final Duration TOKEN_QUIET = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(SessionPurge.class.getName());
    private static final String NODE = nodeName();

    @Inject
    PurgeLedger ledger;

    @Inject
    PortalSessions sessions;

    @Inject
    AccessTokenService accessTokens;

    @Inject
    AuditTrail audit;

    @Inject
    RefreshBackoff backoff;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock = Clock.systemUTC();

    /** The scheduled run: purges when due on this node's clock and nobody else holds the lease. */
    public PurgeReport runIfDue() {
        return run(false, null);
    }

    /** An administrator's "purge now": runs unless another run started moments ago or is in progress. */
    public PurgeReport runNow(String actor) {
        return run(true, actor);
    }

    private PurgeReport run(boolean manual, String actor) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!ledger.claim(NODE, started, manual, config.purgeInterval())) {
            return PurgeReport.skipped(NODE);
        }
        long t0 = System.nanoTime();
        int tokens = 0;
        int failures = 0;
        int[] removed;
        int auditRows;
        try {
            removed = sessions.purgeExpired();
            for (String tokenId : sessions.tokensWithoutSessions(TOKEN_QUIET)) {
                Optional<AccessTokenService.Revocation> outcome =
                        accessTokens.discardUnused(tokenId, id -> sessions.countLiveForToken(id) == 0);
                if (outcome.isPresent()) {
                    tokens++;
                    if (outcome.get() == AccessTokenService.Revocation.FAILED) {
                        failures++;
                    }
                }
            }
            auditRows = audit.purgeOlderThan(config.auditRetention());
            backoff.forgetDeletedTokens();
        } finally {
            ledger.release(NODE);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        PurgeReport report = new PurgeReport(true, NODE, started, took, removed[0], removed[1], tokens, failures, auditRows);
        ledger.record(report);
        audit.record(AuditAction.PURGE, actor == null ? "scheduler" : actor, null,
                report.sessions() + report.loginStates() + report.tokens() + report.auditRows(),
                "sessions " + report.sessions() + ", login states " + report.loginStates() + ", tokens " + report.tokens()
                        + (failures > 0 ? " (" + failures + " not confirmed by Zoho)" : "") + ", audit rows "
                        + report.auditRows() + " on " + NODE, null);
        LOG.info(() -> "purge on " + NODE + ": " + report);
        return report;
    }

    /** The last runs, newest first. */
    public List<PurgeReport> lastRuns(int limit) {
        return ledger.lastRuns(limit);
    }

    /** How many runs were recorded. */
    public long runCount() {
        return ledger.runCount();
    }

    /** This process, as the admin page names it: host and pid (JVM name {@code pid@host}). */
    private static String nodeName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
