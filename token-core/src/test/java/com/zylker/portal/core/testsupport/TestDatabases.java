package com.zylker.portal.core.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zylker.portal.core.token.OAuthTokenEntity;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.security.SecureRandom;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * Creates private, Flyway-migrated test databases with a HikariCP pool and a RESOURCE_LOCAL Hibernate
 * {@code EntityManagerFactory}, the same way for H2 (MySQL mode, the embedded default) and MariaDB (the
 * MySQL-protocol server), so one test class body can run on both.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabases.open(TestDatabases.Kind.H2)) {
 *     TokenStore store = new JpaTokenStore(db.transactor(), cipher, clock);
 * }
 * }</pre>
 *
 * <p>MariaDB comes from the system properties {@code portal.test.db.url}, {@code .user}, {@code .password}
 * (set by Surefire from the parent POM); each {@link #open} creates a fresh schema {@code portal_test_tc_<random>}
 * (Flyway creates and, on close, drops it), so parallel runs do not meet. When the server is unreachable,
 * {@link #openOrSkip} skips the caller's tests unless {@code portal.test.require-services=true}.
 */
public final class TestDatabases {

    /** The entity classes of the portal's persistence unit; keep in step with the container's persistence.xml. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of(OAuthTokenEntity.class);

    /** The databases the tests run on. */
    public enum Kind {
        H2("H2 2.2 (MySQL mode)"),
        MARIADB("MariaDB via Connector/J");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {
    }

    /** Opens a database of {@code kind}; for MariaDB, aborts (skips) or fails the calling test when it is down. */
    public static TestDatabase openOrSkip(Kind kind) {
        if (kind == Kind.MARIADB) {
            String problem = mariaDbProblem();
            if (problem != null) {
                if (Boolean.getBoolean("portal.test.require-services")) {
                    throw new IllegalStateException("MariaDB is required (portal.test.require-services=true) but "
                            + problem);
                }
                Assumptions.abort("Skipping the MariaDB run: " + problem
                        + ". Start MariaDB or set portal.test.db.url; CI sets portal.test.require-services=true.");
            }
        }
        return open(kind);
    }

    /** Opens a database of {@code kind}, failing when it cannot be reached. */
    public static TestDatabase open(Kind kind) {
        String name = "portal_test_tc_" + HexFormat.of().formatHex(randomBytes(6));
        String url;
        String user;
        String password;
        Flyway flyway;
        HikariConfig pool = new HikariConfig();
        if (kind == Kind.H2) {
            url = "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
            flyway = Flyway.configure().dataSource(url, user, password).load();
        } else {
            url = mariaDbUrl();
            user = System.getProperty("portal.test.db.user", "portal_test");
            password = System.getProperty("portal.test.db.password", "portal_test");
            // Flyway creates the private schema (a MySQL database) and drops it again on clean().
            flyway = Flyway.configure().dataSource(url, user, password)
                    .schemas(name).createSchemas(true).cleanDisabled(false).load();
            pool.setCatalog(name);
            if (!"false".equals(System.getProperty("portal.test.db.tuned"))) {
                connectorJTuning().forEach(pool::addDataSourceProperty);
            }
        }
        flyway.migrate();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(20);
        pool.setPoolName("test-" + kind + "-" + name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new TestDatabase(kind, dataSource, entityManagerFactory(kind, dataSource, ENTITY_CLASSES), flyway,
                kind == Kind.MARIADB ? name : null);
    }

    /**
     * Connector/J settings that save round trips, for every pool on MySQL/MariaDB (the benchmark's floor and
     * JpaTokenStore share one pool, so both get them; BENCHMARKS.md recommends them for production): session
     * state (autocommit, isolation, read-only) tracked locally instead of queried, server-side prepared
     * statements cached per connection (Hibernate re-prepares its SQL on every call). Switch off with
     * {@code -Dportal.test.db.tuned=false}.
     */
    public static java.util.Map<String, String> connectorJTuning() {
        return java.util.Map.of(
                "useLocalSessionState", "true",
                "useLocalTransactionState", "true",
                "cachePrepStmts", "true",
                "prepStmtCacheSize", "250",
                "prepStmtCacheSqlLimit", "2048",
                "useServerPrepStmts", "true",
                "cacheServerConfiguration", "true",
                "cacheResultSetMetadata", "true");
    }

    /**
     * A RESOURCE_LOCAL {@code EntityManagerFactory} over {@code dataSource} with the dialect set explicitly
     * (Hibernate's detection mistakes MariaDB for MySQL 5.5 through Connector/J; STACK-NOTES).
     */
    public static EntityManagerFactory entityManagerFactory(Kind kind, javax.sql.DataSource dataSource,
            List<Class<?>> entities) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.SHOW_SQL, "false")
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC"); // as the container PU
        if (kind == Kind.H2) {
            settings.applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.H2Dialect")
                    .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "H2")
                    .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, "2.2.224");
        } else {
            settings.applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect")
                    .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "MariaDB")
                    .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, "10.11");
        }
        StandardServiceRegistry registry = settings.build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata().buildSessionFactory();
    }

    /** The configured MariaDB URL (system property {@code portal.test.db.url}) or the local default. */
    public static String mariaDbUrl() {
        return System.getProperty("portal.test.db.url", "jdbc:mysql://127.0.0.1:3306/portal_test?sslMode=DISABLED"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true");
    }

    private static String mariaDbProblem() {
        String url = mariaDbUrl();
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url,
                System.getProperty("portal.test.db.user", "portal_test"),
                System.getProperty("portal.test.db.password", "portal_test"))) {
            return null;
        } catch (SQLException e) {
            return "cannot connect to " + url.replaceAll("\\?.*", "") + " (" + e.getMessage() + ")";
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
