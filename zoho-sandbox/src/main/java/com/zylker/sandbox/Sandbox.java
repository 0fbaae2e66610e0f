package com.zylker.sandbox;

import com.zylker.sandbox.accounts.OAuthClient;
import com.zylker.sandbox.accounts.OAuthService;
import com.zylker.sandbox.control.ControlGuard;
import com.zylker.sandbox.control.Counters;
import com.zylker.sandbox.control.Faults;
import com.zylker.sandbox.core.MovableClock;
import com.zylker.sandbox.books.BooksService;
import com.zylker.sandbox.crm.CreditBudget;
import com.zylker.sandbox.crm.CrmService;

/**
 * The whole simulated Zoho in one plain object — accounts, CRM orgs, Books orgs, counters, faults, latency and
 * the movable clock —
 * so tests can build one without a container and {@code /control/reset} can put everything back at once.
 */
public final class Sandbox {

    private final MovableClock clock;
    private final OAuthService accounts;
    private final CrmService crm;
    private final Counters counters = new Counters();
    private final Faults faults = new Faults();
    private final ControlGuard controlGuard;
    private final CreditBudget credits;
    private final BooksService books;
    private final java.util.concurrent.atomic.AtomicLong latencyMs = new java.util.concurrent.atomic.AtomicLong();

    /** The longest global latency the control API accepts: a slow sandbox, never a stalled one. */
    public static final long MAX_LATENCY_MS = 10_000;

    public Sandbox(MovableClock clock, OAuthClient client, boolean controlEnabled) {
        this.clock = clock;
        this.accounts = new OAuthService(clock, client);
        this.crm = new CrmService(clock);
        this.credits = new CreditBudget(clock);
        this.books = new BooksService(clock);
        this.controlGuard = new ControlGuard(controlEnabled);
    }

    public MovableClock clock() {
        return clock;
    }

    public OAuthService accounts() {
        return accounts;
    }

    public CrmService crm() {
        return crm;
    }

    public CreditBudget credits() {
        return credits;
    }

    public BooksService books() {
        return books;
    }

    /** Delay added to every accounts, CRM and Books call (load tests); 0 by default. */
    public void setLatency(long ms) {
        if (ms < 0 || ms > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency_ms must be between 0 and " + MAX_LATENCY_MS);
        }
        latencyMs.set(ms);
    }

    public long latency() {
        return latencyMs.get();
    }

    /** Waits the global latency, if any. */
    public void pause() {
        long ms = latencyMs.get();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Counters counters() {
        return counters;
    }

    public Faults faults() {
        return faults;
    }

    public ControlGuard controlGuard() {
        return controlGuard;
    }

    /** Data, tokens, counters, faults and clock back to how they were at start-up. */
    public void reset() {
        faults.clear();
        clock.reset();
        accounts.reset();
        crm.reset();
        credits.reset();
        books.reset();
        latencyMs.set(0);
        counters.reset();
    }
}
