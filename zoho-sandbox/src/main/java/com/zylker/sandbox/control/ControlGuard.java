package com.zylker.sandbox.control;

/**
 * Keeps the control API (reset, clock, faults) off when the sandbox runs as a plain demo for people who
 * should not be able to rewind its time or break it.
 */
public final class ControlGuard {

    private final boolean enabled;

    public ControlGuard(boolean enabled) {
        this.enabled = enabled;
    }

    public void check() {
        if (!enabled) {
            throw new ControlDisabledException();
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
