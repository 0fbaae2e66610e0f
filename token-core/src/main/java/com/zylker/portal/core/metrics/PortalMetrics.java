package com.zylker.portal.core.metrics;

import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import com.zylker.portal.core.zoho.http.ZohoProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The portal's own MicroProfile Metrics (application scope, {@code /metrics?scope=application} on Payara):
 * <ul>
 *   <li>{@code portal_token_refreshes_total{outcome=ok|refused|failed}} — refreshes at Zoho's token
 *       endpoint; a refresh skipped by the back-off is none;</li>
 *   <li>{@code portal_zoho_calls{product,endpoint,outcome}} — every Zoho API exchange with its latency (a
 *       timer: {@code _count}, {@code _sum} in seconds, {@code _max}, quantiles), outcome the HTTP status or
 *       {@code timeout}/{@code unreachable};</li>
 *   <li>{@code portal_sessions_active} — sessions not expired, from the database (every node sees all);</li>
 *   <li>{@code portal_purge_runs_total} — runs of the session/state clean-up ({@link #purgeRun()});</li>
 *   <li>{@code portal_pool_connections{state=used|free}}, {@code portal_pool_connections_used_peak},
 *       {@code portal_pool_waiting_requests}, {@code portal_pool_acquired} — the shared connection pool, read
 *       from Payara's pool monitoring ({@link PoolUsage}; -1 where that is off);</li>
 * </ul>
 * Each WAR has its own registry: Payara lists a series once per WAR (same name and labels), so a counter's
 * total is the sum of its lines, while a gauge reads the same on each. Without a metrics runtime (unit tests) every method does nothing. Labels
 * never hold a user, token or id.
 */
@ApplicationScoped
public class PortalMetrics implements ZohoCallObserver {

    private static final Logger LOG = Logger.getLogger(PortalMetrics.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<MetricRegistry> registries;

    private volatile MetricRegistry registry;
    private volatile boolean unavailable;

    /** Creates the counters at 0, so a scrape shows them before the first event. */
    public void prepare() {
        MetricRegistry r = registry();
        if (r != null) {
            for (String outcome : new String[] {"ok", "refused", "failed"}) {
                r.counter(refreshes(), new Tag("outcome", outcome));
            }
            r.counter(purgeRuns());
        }
    }

    private static Metadata refreshes() {
        return Metadata.builder().withName("portal.token.refreshes").withDescription("Token refreshes at Zoho by outcome").build();
    }

    private static Metadata purgeRuns() {
        return Metadata.builder().withName("portal.purge.runs").withDescription("Runs of the expired-session purge").build();
    }

    /** A token refresh at Zoho ended: {@code ok}, {@code refused} (Zoho said no) or {@code failed} (no answer). */
    public void tokenRefresh(String outcome) {
        MetricRegistry r = registry();
        if (r != null) {
            r.counter(refreshes(), new Tag("outcome", outcome)).inc();
        }
    }

    @Override
    public void exchanged(ZohoProduct product, String operation, String outcome, Duration latency) {
        MetricRegistry r = registry();
        if (r != null) {
            try {
                r.timer(Metadata.builder().withName("portal.zoho.calls")
                                .withDescription("Zoho API calls by product, endpoint and outcome").build(),
                        new Tag("product", product.name().toLowerCase(java.util.Locale.ROOT)),
                        new Tag("endpoint", operation), new Tag("outcome", outcome)).update(latency);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not record a Zoho call: " + e.getClass().getSimpleName());
            }
        }
    }

    /** The clean-up job (sessions, sign-in states) ran once; for the admin's purge. */
    public void purgeRun() {
        MetricRegistry r = registry();
        if (r != null) {
            r.counter(purgeRuns()).inc();
        }
    }

    /** Registers a gauge once (e.g. active sessions); later calls are ignored. */
    public void gauge(String name, String description, java.util.function.Supplier<Number> value, Tag... tags) {
        MetricRegistry r = registry();
        if (r != null && r.getGauge(new org.eclipse.microprofile.metrics.MetricID(name, tags)) == null) {
            try {
                r.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.FINE, "gauge " + name + " exists already");
            }
        }
    }

    private MetricRegistry registry() {
        MetricRegistry r = registry;
        if (r == null && !unavailable) {
            try {
                r = registries != null && registries.isResolvable() ? registries.get() : null;
            } catch (RuntimeException | LinkageError e) {
                r = null;
            }
            if (r == null) {
                unavailable = true;
            }
            registry = r;
        }
        return r;
    }
}
