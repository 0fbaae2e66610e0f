package com.zylker.sandbox;

import com.zylker.sandbox.accounts.OAuthClient;
import com.zylker.sandbox.accounts.OAuthService;
import com.zylker.sandbox.control.ControlGuard;
import com.zylker.sandbox.control.Counters;
import com.zylker.sandbox.control.Faults;
import com.zylker.sandbox.core.MovableClock;
import com.zylker.sandbox.crm.CrmService;

/**
 * The whole simulated Zoho in one plain object — accounts, CRM orgs, counters, faults and the movable clock —
 * so tests can build one without a container and {@code /control/reset} can put everything back at once.
 */
public final class Sandbox {

    private final MovableClock clock;
    private final OAuthService accounts;
    private final CrmService crm;
    private final Counters counters = new Counters();
    private final Faults faults = new Faults();
    private final ControlGuard controlGuard;

    public Sandbox(MovableClock clock, OAuthClient client, boolean controlEnabled) {
        this.clock = clock;
        this.accounts = new OAuthService(clock, client);
        this.crm = new CrmService(clock);
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
        counters.reset();
    }
}
