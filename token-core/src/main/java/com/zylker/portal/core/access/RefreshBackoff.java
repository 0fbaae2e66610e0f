package com.zylker.portal.core.access;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.persistence.PortalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The remembered failed refresh of a token ({@code refresh_backoff}, shared by every WAR and node through the
 * database): after Zoho's token endpoint failed, nobody asks it again for that token until the back-off
 * ({@code portal.refresh.backoff}, default 30 s, doubling per further failure up to 10 minutes) has passed, so
 * a failing Zoho sees one refresh per window instead of one per request, and retries never spend Zoho's
 * 10 refreshes per 10 minutes. Read under the token's refresh lock, so the node that waited for the lock
 * sees the failure of the one before it.
 *
 * <p>Best effort: when the database cannot be read the refresh goes ahead (the page would fail anyway).
 */
@ApplicationScoped
public class RefreshBackoff {

    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(RefreshBackoff.class.getName());
    private static final String FORGET_DELETED_TOKENS =
            "DELETE FROM refresh_backoff WHERE NOT EXISTS (SELECT 1 FROM oauth_token t WHERE t.id = refresh_backoff.token_id)";

    @Inject
    PortalConfig config;

    /** Tests give their own pool; in the server it is the shared {@code jdbc/portal}. */
    DataSource dataSource;

    /** Until when refreshing this token waits; empty when it may go ahead now. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Instant> waitUntil(String tokenId, Instant now) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT retry_after FROM refresh_backoff WHERE token_id = ?")) {
            query.setString(1, tokenId);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    Instant until = rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC);
                    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
                }
                return Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the refresh back-off: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Remembers a failed refresh; returns until when the next one waits. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Instant failed(String tokenId, Instant now, Duration atLeast) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource().getConnection()) {
            int failures = 0;
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT failures FROM refresh_backoff WHERE token_id = ?")) {
                read.setString(1, tokenId);
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        failures = rs.getInt(1);
                    }
                }
            }
            Duration backoff = backoff(failures + 1);
            if (backoff.compareTo(atLeast) < 0) {
                backoff = atLeast;
            }
            Instant until = at.plus(backoff);
            String sql = failures == 0
                    ? "INSERT INTO refresh_backoff (failed_at, retry_after, failures, token_id) VALUES (?, ?, ?, ?)"
                    : "UPDATE refresh_backoff SET failed_at = ?, retry_after = ?, failures = ? WHERE token_id = ?";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
                write.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(until, ZoneOffset.UTC)));
                write.setInt(3, failures + 1);
                write.setString(4, tokenId);
                write.executeUpdate();
            }
            return until;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not remember a failed refresh: " + e.getClass().getSimpleName());
            return at.plus(atLeast);
        }
    }

    /** Forgets the failures of a token: it was refreshed, replaced by a new grant, or deleted. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void clear(String tokenId) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM refresh_backoff WHERE token_id = ?")) {
            delete.setString(1, tokenId);
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not clear the refresh back-off: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Forgets the failures of tokens that no longer exist (a sign-out or delete-all removes the token without
     * touching this table); the scheduled purge calls it.
     *
     * @return how many rows went
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int forgetDeletedTokens() {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement(FORGET_DELETED_TOKENS)) {
            return delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not purge the refresh back-off: " + e.getClass().getSimpleName());
            return 0;
        }
    }

    /** The first failure waits the configured back-off; each further one twice as long, at most 10 minutes. */
    Duration backoff(int failures) {
        Duration base = config == null ? DEFAULT_BACKOFF : config.optionalValue("portal.refresh.backoff")
                .map(Duration::parse).filter(d -> !d.isNegative()).orElse(DEFAULT_BACKOFF);
        Duration backoff = base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private DataSource dataSource() {
        return dataSource != null ? dataSource : PortalDataSource.lookup();
    }
}
