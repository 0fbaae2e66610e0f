package com.zylker.portal.crm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The server-side half of "a double click sends one create". The dialog's form carries a one-time
 * submission id in its view state; the first request that claims it sends the create, any other request with
 * the same id (a second click, a resent form, a replayed view state — client-side state can be posted twice)
 * gets the first one's outcome instead of a second create. Zoho has no idempotency key, so this is the
 * only place a repeat can be stopped.
 *
 * <p>Kept in this node's memory for {@value #KEEP_MINUTES} minutes: a repeat reaches the same node unless the
 * load balancer switches nodes between two clicks, which the disabled button makes a non-event. A send that
 * did not create anything (a duplicate, a refusal, Zoho busy) releases its id, so the user can correct and
 * send again.
 */
@ApplicationScoped
public class LeadSubmissions {

    static final int KEEP_MINUTES = 10;
    private static final int MAX_ENTRIES = 50_000;

    private record Claim(CompletableFuture<LeadCreation> outcome, Instant expires) {
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    public LeadSubmissions() {
    }

    LeadSubmissions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code create} unless this user already sent this submission; then waits up to {@code wait} for
     * the first send's outcome and answers it (marked {@link LeadCreation#repeated()}).
     */
    LeadCreation once(String user, String submissionId, Duration wait, Supplier<LeadCreation> create) {
        String key = user.toLowerCase(Locale.ROOT) + "|" + submissionId;
        prune();
        CompletableFuture<LeadCreation> mine = new CompletableFuture<>();
        Claim existing = claims.putIfAbsent(key, new Claim(mine, clock.instant().plus(Duration.ofMinutes(KEEP_MINUTES))));
        if (existing != null) {
            return awaitOther(existing.outcome(), wait);
        }
        try {
            LeadCreation outcome = create.get();
            mine.complete(outcome);
            if (!outcome.created()) {
                claims.remove(key);
            }
            return outcome;
        } catch (RuntimeException e) {
            claims.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static LeadCreation awaitOther(CompletableFuture<LeadCreation> other, Duration wait) {
        try {
            return other.get(wait.toMillis(), TimeUnit.MILLISECONDS).asRepeat();
        } catch (TimeoutException e) {
            return LeadCreation.inProgress();
        } catch (ExecutionException e) {
            // The first send failed (Zoho busy, not answering): say so, but do not send again for a click.
            return LeadCreation.inProgress();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LeadCreation.inProgress();
        }
    }

    private void prune() {
        if (claims.size() < MAX_ENTRIES) {
            return;
        }
        Instant now = clock.instant();
        claims.entrySet().removeIf(e -> !now.isBefore(e.getValue().expires()));
    }
}
