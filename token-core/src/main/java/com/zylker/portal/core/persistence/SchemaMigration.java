package com.zylker.portal.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the shared database schema up to date when a WAR starts, before any request is served.
 *
 * <p>Every WAR carries token-core and may be deployed alone, so every WAR runs this. Payara Micro deploys the
 * WARs of one process one after another, so the first migrates and the others find nothing to do; separate
 * processes on one MySQL are serialised by Flyway's own lock on its history table. A failed migration fails
 * the deployment: a WAR must never serve requests on a schema it does not understand.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());


    void migrateOnStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = migrate(PortalDataSource.lookup());
        LOG.info(() -> result.migrationsExecuted == 0
                ? "Database schema already up to date"
                : "Database schema migrated to version " + result.targetSchemaVersion
                        + " (" + result.migrationsExecuted + " migration(s) applied)");
    }

    /** Runs the portal's migrations on a datasource; also used by tests and benchmarks outside the container. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
