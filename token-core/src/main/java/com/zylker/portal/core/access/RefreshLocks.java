package com.zylker.portal.core.access;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.persistence.PortalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Mutual exclusion for everything that changes a stored token — refresh, a new sign-in, sign-out's revoke
 * and delete — across every WAR and node that shares the database. Nodes share nothing but the database, so
 * the database is where they queue:
 * <ul>
 *   <li>MySQL/MariaDB: a named lock ({@code GET_LOCK(name, 15)}). It has a real timeout on every version
 *       (Hibernate's MySQL dialect drops the JPA lock-timeout hint, leaving InnoDB's 50 s), involves no table,
 *       and needs no row to exist first.</li>
 *   <li>H2 (the embedded default, one process with several WARs): one of 64 pre-made rows of
 *       {@code refresh_lock_stripe}, picked by the token id's hash and held with {@code SELECT … FOR UPDATE}
 *       under H2's lock timeout. The WARs' in-memory locks are per WAR, so without this two WARs of one
 *       process would both refresh. Unrelated tokens on one stripe merely queue behind each other.</li>
 * </ul>
 * The lock is held on one pooled connection for the length of the work and released right after; the work
 * runs on other connections and commits before the release, so the next in the queue sees its result.
 *
 * <p>At most {@code portal.refresh.max-concurrent} (default 3) locked sections run at once per WAR, each
 * using up to two connections: with three WARs that is 18 of the shared pool's 32, so a slow Zoho can stall
 * refreshes but never starve ordinary pages of connections.
 */
@ApplicationScoped
public class RefreshLocks {

    static final int LOCK_TIMEOUT_SECONDS = 15;
    static final int STRIPES = 64;
    private static final int H2_DEFAULT_LOCK_TIMEOUT_MS = 10_000;
    private static final int DEFAULT_MAX_CONCURRENT = 3;
    private static final Logger LOG = Logger.getLogger(RefreshLocks.class.getName());

    private enum Dialect { NAMED_LOCKS, LOCK_ROWS, NONE }

    @Inject
    PortalConfig config;

    private volatile Dialect dialect;
    private volatile Semaphore slots = new Semaphore(DEFAULT_MAX_CONCURRENT, true);
    /** Tests give their own pool; in the server it is the shared {@code jdbc/portal}. */
    DataSource dataSource;

    @PostConstruct
    void sizeSlots() {
        limitConcurrency(config == null ? DEFAULT_MAX_CONCURRENT : config.optionalValue("portal.refresh.max-concurrent")
                .map(Integer::parseInt).filter(n -> n > 0).orElse(DEFAULT_MAX_CONCURRENT));
    }

    void limitConcurrency(int max) {
        slots = new Semaphore(max, true);
    }

    /**
     * Runs {@code work} while holding the token's lock.
     *
     * @throws RefreshLockTimeoutException when the lock (or a free slot) was not had within the timeout
     * @throws IllegalStateException       when the database cannot be reached
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T underLock(String tokenId, Supplier<T> work) {
        Semaphore slots = this.slots;
        acquireSlot(slots);
        try {
            DataSource dataSource = this.dataSource != null ? this.dataSource : PortalDataSource.lookup();
            return switch (dialect(dataSource)) {
                case NAMED_LOCKS -> underNamedLock(dataSource, "zylker-refresh:" + tokenId, work);
                case LOCK_ROWS -> underLockRow(dataSource, Math.floorMod(tokenId.hashCode(), STRIPES), work);
                case NONE -> work.get();
            };
        } finally {
            slots.release();
        }
    }

    private static void acquireSlot(Semaphore slots) {
        try {
            if (!slots.tryAcquire(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new RefreshLockTimeoutException("every refresh slot stayed busy for " + LOCK_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshLockTimeoutException("interrupted while waiting for a refresh slot");
        }
    }

    private static <T> T underNamedLock(DataSource dataSource, String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
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
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    unlock.setString(1, name);
                    unlock.executeQuery().close();
                } catch (SQLException e) {
                    // The lock dies with the connection at the latest; others wait at most the lock timeout.
                    LOG.log(Level.WARNING, "could not release a refresh lock: " + e.getClass().getSimpleName());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not answer the refresh lock", e);
        }
    }

    private static <T> T underLockRow(DataSource dataSource, int stripe, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement timeout = connection.createStatement()) {
                    timeout.execute("SET LOCK_TIMEOUT " + Duration.ofSeconds(LOCK_TIMEOUT_SECONDS).toMillis());
                }
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT stripe FROM refresh_lock_stripe WHERE stripe = ? FOR UPDATE")) {
                    lock.setInt(1, stripe);
                    lock.executeQuery().close();
                } catch (SQLException e) {
                    if (e.getErrorCode() == 50200) { // H2: lock timeout
                        throw new RefreshLockTimeoutException("another request held the refresh lock for over "
                                + LOCK_TIMEOUT_SECONDS + " s");
                    }
                    throw e;
                }
                return work.get();
            } finally {
                // The work's result is committed already: a failure here is logged, not thrown. Each reset on its
                // own, so that the pool never gets the connection back without autocommit.
                try {
                    connection.rollback(); // releases the row lock; nothing was written on this connection
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "could not release a refresh lock row: " + e.getClass().getSimpleName());
                }
                connection.setAutoCommit(autoCommit);
                try (Statement timeout = connection.createStatement()) {
                    timeout.execute("SET LOCK_TIMEOUT " + H2_DEFAULT_LOCK_TIMEOUT_MS); // the pool's connection as it was
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "could not reset the lock timeout: " + e.getClass().getSimpleName());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not answer the refresh lock", e);
        }
    }

    private Dialect dialect(DataSource dataSource) {
        Dialect known = dialect;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                known = product.contains("mysql") || product.contains("mariadb") ? Dialect.NAMED_LOCKS
                        : product.contains("h2") ? Dialect.LOCK_ROWS : Dialect.NONE;
            } catch (SQLException e) {
                throw new IllegalStateException("the database did not answer", e);
            }
            dialect = known;
        }
        return known;
    }

    /** The token's lock (or a refresh slot) was busy for longer than the timeout. */
    public static class RefreshLockTimeoutException extends RuntimeException {
        public RefreshLockTimeoutException(String message) {
            super(message);
        }
    }
}
