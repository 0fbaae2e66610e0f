package com.zylker.portal.core.health;

import com.zylker.portal.core.persistence.PortalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: a node that cannot reach the database must not receive traffic, since every page needs the
 * session and token rows. The check runs a real query on the migrated schema, not just a connection test.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {


    @Override
    public HealthCheckResponse call() {
        try (Connection connection = PortalDataSource.lookup().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM flyway_schema_history WHERE success = ?")) {
            query.setBoolean(1, true);
            query.setQueryTimeout(2);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return HealthCheckResponse.named("database").up()
                        .withData("migrations", rs.getLong(1)).build();
            }
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
