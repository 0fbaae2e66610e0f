package com.zylker.portal.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs an outside service (Chromium, MariaDB) skips with a message on a laptop without it, and
 * fails on CI, where {@code portal.test.require-services=true} says the service must be there.
 */
final class RequiredServices {

    private RequiredServices() {
    }

    static boolean required() {
        return Boolean.getBoolean("portal.test.require-services");
    }

    static void require(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        if (required()) {
            Assertions.fail(whatIsMissing + " (portal.test.require-services=true)");
        }
        Assumptions.abort(whatIsMissing + ": skipped (set portal.test.require-services=true to fail instead)");
    }
}
