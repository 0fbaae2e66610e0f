package com.zylker.portal.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import com.zylker.portal.core.persistence.PortalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Refuses to start a WAR in production mode with demo settings ({@link ProductionReadiness}): a portal that
 * would send real users to the sandbox, or encrypt their tokens with a generated key, must not serve a single
 * request. Demo mode refuses a base URL that is not loopback (the demo's sandbox and generated keys must never
 * face a network); otherwise it only says, once per WAR, that this is a demo.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

    @Inject
    PortalConfig config;

    void checkOnStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!config.isProduction()) {
            List<String> problems = ProductionReadiness.demoProblems(config);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("portal.mode=demo refuses to start:\n - " + String.join("\n - ", problems));
            }
            LOG.warning("portal.mode=demo: sandbox Zoho, generated keys. Set PORTAL_MODE=production for real use.");
            return;
        }
        List<String> problems = ProductionReadiness.problems(config, databaseUrl());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("portal.mode=production refuses to start:\n - " + String.join("\n - ", problems));
        }
    }

    /** The URL the server's pool really connects to: the start script may have fallen back to H2. */
    private static Optional<String> databaseUrl() {
        try (Connection connection = PortalDataSource.lookup().getConnection()) {
            return Optional.ofNullable(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            LOG.warning("could not read the database's URL: " + e.getClass().getName());
            return Optional.empty();
        }
    }
}
