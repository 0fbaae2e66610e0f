package com.zylker.portal.core.bench;

import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import com.zylker.portal.core.token.JpaTokenStore;
import com.zylker.portal.core.token.OAuthToken;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The three token stores the benchmark compares, behind one small interface: {@link JpaTokenStore} (the
 * product), a raw-JDBC floor and a seed-style baseline. Benchmark-only code.
 */
final class BenchStores {

    /** The three operations measured. */
    interface BenchStore extends AutoCloseable {
        Object findByUser(String user) throws Exception;

        Object saveExisting(String user, String accessToken, Instant expiry) throws Exception;

        Object findById(String id) throws Exception;

        /** Inserts a user and returns its id (setup only). */
        String insert(String user) throws Exception;

        @Override
        default void close() {
        }
    }

    private BenchStores() {
    }

    static OAuthToken token(String user, String access, Instant expiry) {
        return OAuthToken.builder().userName(user).clientId("1000.ZYLKERDEMO").clientSecret("bench-client-secret")
                .accessToken(access).refreshToken("1000.refresh." + user).grantToken("1000.grant." + user)
                .expiryTime(expiry).redirectUrl("http://localhost:8080/oauth/callback")
                .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").build();
    }

    /** The product: JpaTokenStore over Hibernate, the shared HikariCP pool, AES-GCM and HMAC lookups. */
    static final class Jpa implements BenchStore {
        private final JpaTokenStore store;

        Jpa(TestDatabase db) {
            this.store = new JpaTokenStore(db.transactor(),
                    new TokenCipher(KeyRing.parse(KeyRing.generateSpec("bench", new SecureRandom()), null)),
                    Clock.systemUTC());
        }

        @Override
        public Object findByUser(String user) {
            return store.findToken(OAuthToken.builder().userName(user).build()).orElseThrow();
        }

        @Override
        public Object saveExisting(String user, String accessToken, Instant expiry) {
            // What a refresh does: the complete token with a new access token and expiry.
            return store.saveToken(token(user, accessToken, expiry));
        }

        @Override
        public Object findById(String id) {
            return store.findTokenById(id).orElseThrow();
        }

        @Override
        public String insert(String user) {
            return store.saveToken(token(user, "1000.access." + user, Instant.now().plusSeconds(3600))).id();
        }
    }

    /**
     * The floor: raw JDBC through the same pool, prepared statements, unique index on user name, plaintext.
     * With {@code transactional} it also has JpaTokenStore's transaction shape (explicit transaction per call,
     * {@code SELECT … FOR UPDATE} before the update), to separate that cost from ORM and crypto.
     */
    static final class Floor implements BenchStore {
        // Whole SQL constants (prepared, parameters only): the floor is the fastest correct way, not the baseline.
        private static final String SELECT_BY_USER = "SELECT id, user_name, client_id, client_secret, refresh_token, access_token, grant_token, expiry_time, redirect_url, api_domain, accounts_server FROM bench_floor_token WHERE user_name = ?";
        private static final String SELECT_BY_ID = "SELECT id, user_name, client_id, client_secret, refresh_token, access_token, grant_token, expiry_time, redirect_url, api_domain, accounts_server FROM bench_floor_token WHERE id = ?";
        private static final String INSERT = "INSERT INTO bench_floor_token (id, user_name, client_id, client_secret, refresh_token, access_token, grant_token, expiry_time, redirect_url, api_domain, accounts_server, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        private final TestDatabase db;
        private final boolean transactional;

        Floor(TestDatabase db, boolean transactional) throws SQLException {
            this.db = db;
            this.transactional = transactional;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_floor_token (id VARCHAR(36) PRIMARY KEY, user_name VARCHAR(320) NOT NULL,"
                        + " client_id VARCHAR(255), client_secret TEXT, refresh_token TEXT,"
                        + " access_token TEXT, grant_token TEXT, expiry_time DATETIME,"
                        + " redirect_url VARCHAR(2048), api_domain VARCHAR(255), accounts_server VARCHAR(255),"
                        + " updated_at DATETIME, UNIQUE KEY uk_floor_user (user_name))"
                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            }
        }

        @Override
        public Object findByUser(String user) throws SQLException {
            return queryOne(SELECT_BY_USER, user);
        }

        @Override
        public Object saveExisting(String user, String accessToken, Instant expiry) throws SQLException {
            try (Connection c = db.dataSource().getConnection()) {
                String key = user;
                String where = "user_name = ?";
                if (transactional) {
                    c.setAutoCommit(false);
                    try (PreparedStatement lock = c.prepareStatement(
                            "SELECT id FROM bench_floor_token WHERE user_name = ? FOR UPDATE")) {
                        lock.setString(1, user);
                        try (ResultSet rs = lock.executeQuery()) {
                            rs.next();
                            key = rs.getString(1);
                            where = "id = ?";
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE bench_floor_token SET access_token = ?,"
                        + " expiry_time = ?, updated_at = ? WHERE " + where)) {
                    ps.setString(1, accessToken);
                    ps.setTimestamp(2, Timestamp.from(expiry.truncatedTo(ChronoUnit.SECONDS)));
                    ps.setTimestamp(3, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                    ps.setString(4, key);
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("no row for the user");
                    }
                }
                if (transactional) {
                    c.commit();
                }
                return accessToken;
            }
        }

        @Override
        public Object findById(String id) throws SQLException {
            return queryOne(SELECT_BY_ID, id);
        }

        @Override
        public String insert(String user) throws SQLException {
            String id = UUID.randomUUID().toString();
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(INSERT)) {
                OAuthToken t = token(user, "1000.access." + user, Instant.now().plusSeconds(3600));
                ps.setString(1, id);
                ps.setString(2, t.userName());
                ps.setString(3, t.clientId());
                ps.setString(4, t.clientSecret());
                ps.setString(5, t.refreshToken());
                ps.setString(6, t.accessToken());
                ps.setString(7, t.grantToken());
                ps.setTimestamp(8, Timestamp.from(t.expiryTime().truncatedTo(ChronoUnit.SECONDS)));
                ps.setString(9, t.redirectUrl());
                ps.setString(10, t.apiDomain());
                ps.setString(11, t.accountsServer());
                ps.setTimestamp(12, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                ps.executeUpdate();
            }
            return id;
        }

        private String queryOne(String sql, String key) throws SQLException {
            try (Connection c = db.dataSource().getConnection()) {
                if (transactional) {
                    c.setAutoCommit(false);
                }
                StringBuilder row = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("not found");
                        }
                        for (int i = 1; i <= 11; i++) {
                            row.append(rs.getString(i));
                        }
                    }
                }
                if (transactional) {
                    c.commit();
                }
                return row.toString();
            }
        }
    }

    /**
     * DELIBERATELY BAD BASELINE, benchmark only, never copy: the seed's style (Kaizen #192 SQLite sample) on
     * MariaDB: a new connection per call through DriverManager, SQL built by string concatenation (injectable),
     * plaintext columns, no index on user name.
     */
    static final class SeedStyleBaseline implements BenchStore {
        private final String schema;

        SeedStyleBaseline(TestDatabase db) throws SQLException {
            this.schema = db.schemaName();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_baseline_token (id VARCHAR(36) NOT NULL, user_name VARCHAR(320),"
                        + " client_id VARCHAR(255), client_secret VARCHAR(255), refresh_token VARCHAR(255),"
                        + " access_token VARCHAR(255), grant_token VARCHAR(255), expiry_time VARCHAR(20),"
                        + " redirect_url VARCHAR(255), api_domain VARCHAR(255), PRIMARY KEY (id))"); // the seed's schema
            }
        }

        private Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(TestDatabases.mariaDbUrl(),
                    System.getProperty("portal.test.db.user", "portal_test"),
                    System.getProperty("portal.test.db.password", "portal_test"));
            c.setCatalog(schema);
            return c;
        }

        @Override
        public Object findByUser(String user) throws SQLException {
            return select("select * from bench_baseline_token where user_name='" + user + "' limit 1");
        }

        @Override
        public Object saveExisting(String user, String accessToken, Instant expiry) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                return s.executeUpdate("update bench_baseline_token set access_token='" + accessToken
                        + "', expiry_time='" + expiry.toEpochMilli() + "' where user_name='" + user + "' limit 1");
            }
        }

        @Override
        public Object findById(String id) throws SQLException {
            return select("select * from bench_baseline_token where id='" + id + "' limit 1");
        }

        @Override
        public String insert(String user) throws SQLException {
            String id = UUID.randomUUID().toString();
            OAuthToken t = token(user, "1000.access." + user, Instant.now().plusSeconds(3600));
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into bench_baseline_token values ('" + id + "','" + t.userName() + "','"
                        + t.clientId() + "','" + t.clientSecret() + "','" + t.refreshToken() + "','" + t.accessToken()
                        + "','" + t.grantToken() + "','" + t.expiryTime().toEpochMilli() + "','" + t.redirectUrl()
                        + "','" + t.apiDomain() + "')");
            }
            return id;
        }

        private String select(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new IllegalStateException("not found");
                }
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    row.append(rs.getString(i));
                }
                return row.toString();
            }
        }
    }
}
