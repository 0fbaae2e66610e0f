package com.zylker.portal.core.access;

import com.zylker.portal.core.persistence.PortalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Cross-node mutual exclusion for token refreshes: a MySQL/MariaDB named lock ({@code GET_LOCK(name, 15)}),
 * held on one pooled connection for the length of the refresh call and released right after. Nodes share
 * nothing but the database, so the database is where they queue.
 *
 * <p>Why a named lock and not a row lock: {@code GET_LOCK} has a real timeout on every MySQL and MariaDB
 * version (Hibernate's MySQL dialect silently drops the JPA lock-timeout hint, leaving InnoDB's 50 s), it
 * involves no table, so deleting a token (sign-out everywhere, a refused refresh) never waits for a refresh
 * in flight, and it needs no row to exist first. The work inside runs on other connections: the refreshed
 * token is committed, visible to the next node in the queue, before the lock is released.
 *
 * <p>On the embedded H2 database the portal is a single process by construction (H2 holds the file), so
 * the in-memory lock of {@link AccessTokenService} is already the whole queue and no database lock is taken.
 */
@ApplicationScoped
public class RefreshLocks {

    static final int LOCK_TIMEOUT_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(RefreshLocks.class.getName());

    private volatile Boolean namedLocks;

    /**
     * Runs {@code work} while holding the token's refresh lock.
     *
     * @throws RefreshLockTimeoutException when another node held the lock for longer than the timeout
     * @throws IllegalStateException       when the database cannot be reached
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T underLock(String tokenId, Supplier<T> work) {
        DataSource dataSource = PortalDataSource.lookup();
        if (!usesNamedLocks(dataSource)) {
            return work.get();
        }
        String name = "zylker-refresh:" + tokenId;
        try (Connection connection = dataSource.getConnection()) {
            acquire(connection, name);
            try {
                return work.get();
            } finally {
                release(connection, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not answer the refresh lock", e);
        }
    }

    private static void acquire(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, name);
            lock.setInt(2, LOCK_TIMEOUT_SECONDS);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                int result = rs.getInt(1);
                if (rs.wasNull() || result != 1) {
                    throw new RefreshLockTimeoutException("another node held the refresh lock for over "
                            + LOCK_TIMEOUT_SECONDS + " s");
                }
            }
        }
    }

    private static void release(Connection connection, String name) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.executeQuery().close();
        } catch (SQLException e) {
            // The lock dies with the connection at the latest; other nodes wait at most the lock timeout.
            LOG.log(Level.WARNING, "could not release a refresh lock: " + e.getClass().getSimpleName());
        }
    }

    private boolean usesNamedLocks(DataSource dataSource) {
        Boolean known = namedLocks;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                known = product.contains("mysql") || product.contains("mariadb");
            } catch (SQLException e) {
                throw new IllegalStateException("the database did not answer", e);
            }
            namedLocks = known;
        }
        return known;
    }

    /** Another node's refresh of the same token took longer than the lock timeout. */
    public static class RefreshLockTimeoutException extends RuntimeException {
        public RefreshLockTimeoutException(String message) {
            super(message);
        }
    }
}
