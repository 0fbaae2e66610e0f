package com.zylker.portal.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses to start a WAR in production mode with demo settings ({@link ProductionReadiness}): a portal that
 * would send real users to the sandbox, or encrypt their tokens with a generated key, must not serve a single
 * request. In demo mode it only says, once per WAR, that this is a demo.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

    @Inject
    PortalConfig config;

    void checkOnStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!config.isProduction()) {
            LOG.warning("portal.mode=demo: sandbox Zoho, generated keys. Set PORTAL_MODE=production for real use.");
            return;
        }
        List<String> problems = ProductionReadiness.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("portal.mode=production refuses to start:\n - " + String.join("\n - ", problems));
        }
    }
}
