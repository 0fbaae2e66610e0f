package com.zylker.portal.core.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import com.zylker.portal.core.persistence.ResourceLocalTransactor;
import com.zylker.portal.core.persistence.Transactor;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One migrated, private test database (an H2 in-memory database or a fresh MariaDB schema) with its pool and
 * a RESOURCE_LOCAL {@link EntityManagerFactory}. Made by {@link TestDatabases}; closing it drops it.
 */
public final class TestDatabase implements AutoCloseable {

    private final TestDatabases.Kind kind;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final Flyway flyway;
    private final String schemaName;

    TestDatabase(TestDatabases.Kind kind, HikariDataSource dataSource, EntityManagerFactory entityManagerFactory,
            Flyway flyway, String schemaName) {
        this.kind = kind;
        this.schemaName = schemaName;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.flyway = flyway;
    }

    public TestDatabases.Kind kind() {
        return kind;
    }

    /** The private schema (MySQL database) name on MariaDB, e.g. for {@code Connection.setCatalog}; null on H2. */
    public String schemaName() {
        return schemaName;
    }

    /** The pool behind the {@code EntityManagerFactory}; for raw JDBC checks. */
    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** A new {@link ResourceLocalTransactor} on this database. */
    public Transactor transactor() {
        return new ResourceLocalTransactor(entityManagerFactory);
    }

    /** Runs one constant statement, e.g. {@code DELETE FROM oauth_token}, through a prepared statement. */
    public int execute(String constantSql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(constantSql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed on " + kind, e);
        }
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
            if (kind == TestDatabases.Kind.MARIADB) {
                flyway.clean(); // drops the schema Flyway created for this run
            } else {
                execute("DROP ALL OBJECTS"); // frees the in-memory database's contents
            }
        } finally {
            dataSource.close();
        }
    }

    @Override
    public String toString() {
        return kind.displayName();
    }
}
