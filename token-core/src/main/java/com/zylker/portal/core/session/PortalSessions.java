package com.zylker.portal.core.session;

import com.zylker.portal.core.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Portal sessions in the database, shared by every WAR and every node: one sign-in serves all modules, and
 * deleting a row signs that browser out everywhere at its next request.
 *
 * <p>The browser holds a random 256-bit id; the table holds its SHA-256 (a stolen table yields no usable
 * cookie; no keyed hash is needed for a value with 256 bits of entropy). Sign-in attempts ({@code state}) are
 * kept the same way, single use, for {@value #LOGIN_STATE_MINUTES} minutes.
 */
@ApplicationScoped
public class PortalSessions {

    static final long LOGIN_STATE_MINUTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock = Clock.systemUTC();

    /** Starts a session; returns the new cookie value, which is stored nowhere but in the browser. */
    @Transactional
    public String create(String userEmail, String displayName, String tokenId, String dataCentre,
                         String clientIp, String userAgent) {
        String raw = newSecret();
        em.persist(new PortalSessionEntity(hash(raw), UUID.randomUUID().toString(), userEmail,
                truncate(displayName, 255), tokenId, dataCentre, now(), truncate(clientIp, 45), truncate(userAgent, 512)));
        return raw;
    }

    /**
     * The live session for a cookie value, its last-seen time refreshed (at most once a minute); an expired
     * session is deleted and reported as absent.
     */
    @Transactional
    public Optional<PortalSession> touch(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 100) {
            return Optional.empty();
        }
        byte[] idHash = hash(rawId);
        PortalSessionEntity entity = em.find(PortalSessionEntity.class, idHash);
        if (entity == null) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        if (policy().isExpired(toInstant(entity.createdAt()), toInstant(entity.lastSeenAt()), toInstant(now))) {
            deleteSession(idHash);
            return Optional.empty();
        }
        if (Duration.between(entity.lastSeenAt(), now).compareTo(SessionPolicy.TOUCH_INTERVAL) >= 0) {
            // A bulk update, not a dirty entity: the row may be deleted meanwhile (sign-out everywhere), and
            // touching a session that is gone must not fail the request.
            em.createQuery("UPDATE PortalSessionEntity s SET s.lastSeenAt = :now"
                            + " WHERE s.idHash = :idHash AND s.lastSeenAt < :now")
                    .setParameter("now", now)
                    .setParameter("idHash", idHash)
                    .executeUpdate();
        }
        return Optional.of(entity.toSession());
    }

    /** Ends one session by its cookie value; returns the user it belonged to, if it existed. */
    @Transactional
    public Optional<String> end(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 100) {
            return Optional.empty();
        }
        byte[] idHash = hash(rawId);
        PortalSessionEntity entity = em.find(PortalSessionEntity.class, idHash);
        if (entity == null) {
            return Optional.empty();
        }
        return deleteSession(idHash) > 0 ? Optional.of(entity.userEmail()) : Optional.empty();
    }

    /** Ends every session of a user; returns how many there were. */
    @Transactional
    public int endAllFor(String userEmail) {
        return em.createQuery("DELETE FROM PortalSessionEntity s WHERE s.userEmail = :email")
                .setParameter("email", userEmail)
                .executeUpdate();
    }

    @Transactional
    public long countFor(String userEmail) {
        return em.createQuery("SELECT COUNT(s) FROM PortalSessionEntity s WHERE s.userEmail = :email", Long.class)
                .setParameter("email", userEmail)
                .getSingleResult();
    }

    @Transactional
    public List<PortalSession> forUser(String userEmail) {
        return em.createQuery("SELECT s FROM PortalSessionEntity s WHERE s.userEmail = :email ORDER BY s.createdAt",
                        PortalSessionEntity.class)
                .setParameter("email", userEmail)
                .getResultStream().map(PortalSessionEntity::toSession).toList();
    }

    /** Records a sign-in attempt; returns the {@code state} to send to Zoho (and to bind to the browser). */
    @Transactional
    public String beginLogin(String returnTo) {
        LocalDateTime now = now();
        em.createQuery("DELETE FROM LoginStateEntity l WHERE l.createdAt < :cutoff")
                .setParameter("cutoff", now.minusMinutes(LOGIN_STATE_MINUTES))
                .executeUpdate();
        String state = newSecret();
        em.persist(new LoginStateEntity(hash(state), returnTo, now));
        return state;
    }

    /**
     * Consumes a sign-in attempt: present once, within its lifetime. The row is deleted whether or not it is
     * still valid, so a replayed {@code state} never succeeds.
     *
     * @return where to go after sign-in ({@code ""} when nothing was asked for), or empty when unknown/expired
     */
    @Transactional
    public Optional<String> consumeLogin(String state) {
        if (state == null || state.isBlank() || state.length() > 100) {
            return Optional.empty();
        }
        byte[] stateHash = hash(state);
        LoginStateEntity entity = em.find(LoginStateEntity.class, stateHash);
        if (entity == null) {
            return Optional.empty();
        }
        int deleted = em.createQuery("DELETE FROM LoginStateEntity l WHERE l.stateHash = :stateHash")
                .setParameter("stateHash", stateHash)
                .executeUpdate();
        if (deleted == 0 || entity.createdAt().isBefore(now().minusMinutes(LOGIN_STATE_MINUTES))) {
            // Consumed by a concurrent callback, or expired: either way not usable now.
            return Optional.empty();
        }
        return Optional.of(entity.returnTo() == null ? "" : entity.returnTo());
    }

    private int deleteSession(byte[] idHash) {
        return em.createQuery("DELETE FROM PortalSessionEntity s WHERE s.idHash = :idHash")
                .setParameter("idHash", idHash)
                .executeUpdate();
    }

    private SessionPolicy policy() {
        return new SessionPolicy(
                Duration.parse(config.optionalValue("portal.session.idle-timeout").orElse("PT8H")),
                Duration.parse(config.optionalValue("portal.session.max-age").orElse("P14D")));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    static Instant toInstant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
