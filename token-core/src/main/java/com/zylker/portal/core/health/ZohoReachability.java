package com.zylker.portal.core.health;

import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Can this node reach Zoho? One unauthenticated {@code GET <accounts server>/oauth/serverinfo} per configured
 * data centre (any HTTP answer means reachable), at most every 30 s per node. Reported on its own
 * ({@code /status/zoho} and the gauge {@code portal_zoho_reachable{dc}}), never as readiness: a Zoho outage would otherwise take every node out of the load
 * balancer at once, and the pages already say in words when Zoho does not answer.
 */
@ApplicationScoped
public class ZohoReachability {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration CACHE = Duration.ofSeconds(30);

    /** One data centre's probe. */
    public record Probe(boolean reachable, String outcome, long millis) {
    }

    @Inject
    ZohoAccounts accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Map<String, Probe> last;
    private volatile Instant lastAt = Instant.EPOCH;
    private final AtomicBoolean probing = new AtomicBoolean();

    /** The latest probes by data centre id, probing again when older than 30 s. */
    public synchronized Map<String, Probe> probes() {
        if (last == null || Instant.now().isAfter(lastAt.plus(CACHE))) {
            Map<String, Probe> probes = new LinkedHashMap<>();
            for (ZohoDataCentre dc : accounts.all()) {
                probes.put(dc.id(), probe(dc.accountsUrl()));
            }
            last = Map.copyOf(probes);
            lastAt = Instant.now();
        }
        return last;
    }

    /**
     * The last probe of one data centre, without waiting: when it is missing or older than 30 s the data
     * centres are probed again in the background (on the JDK client's own threads), so the metrics gauge
     * never holds up a scrape. Empty until the first probe has answered.
     */
    public Optional<Probe> lastKnown(String dataCentre) {
        Map<String, Probe> known = last;
        if (known == null || Instant.now().isAfter(lastAt.plus(CACHE))) {
            probeInBackground();
        }
        return Optional.ofNullable(known == null ? null : known.get(dataCentre));
    }

    private void probeInBackground() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<String, CompletableFuture<Probe>> pending = new LinkedHashMap<>();
            for (ZohoDataCentre dc : accounts.all()) {
                pending.put(dc.id(), probeAsync(dc.accountsUrl()));
            }
            CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
                Map<String, Probe> probes = new LinkedHashMap<>();
                pending.forEach((dc, probe) -> probes.put(dc, probe.join()));
                synchronized (this) {
                    last = Map.copyOf(probes);
                    lastAt = Instant.now();
                }
                probing.set(false);
            });
        } catch (RuntimeException e) {
            probing.set(false);
        }
    }

    private CompletableFuture<Probe> probeAsync(URI accountsServer) {
        long start = System.nanoTime();
        return http.sendAsync(request(accountsServer), HttpResponse.BodyHandlers.discarding()).handle((response, e) -> {
            if (e == null) {
                return new Probe(true, Integer.toString(response.statusCode()), elapsed(start));
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            return new Probe(false, cause instanceof HttpTimeoutException ? "timeout" : "unreachable", elapsed(start));
        });
    }

    private static HttpRequest request(URI accountsServer) {
        String base = accountsServer.toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + "oauth/serverinfo");
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    private Probe probe(URI accountsServer) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request(accountsServer), HttpResponse.BodyHandlers.discarding());
            return new Probe(true, Integer.toString(response.statusCode()), elapsed(start));
        } catch (HttpTimeoutException e) {
            return new Probe(false, "timeout", elapsed(start));
        } catch (IOException e) {
            return new Probe(false, "unreachable", elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted", elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
