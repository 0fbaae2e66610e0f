package com.zylker.portal.core.session;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.persistence.LikePatterns;
import com.zylker.portal.core.security.ClientAddresses;
import com.zylker.portal.core.token.OAuthTokenEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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
    /** Pending sign-ins one client address may hold; its oldest give way to a new one. */
    public static final int LOGIN_STATES_PER_CLIENT = 30;
    /** Pending sign-ins in total; past it {@code /login} is refused until some finish or expire. */
    public static final int LOGIN_STATES_TOTAL = 5_000;
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
        return create(userEmail, displayName, null, tokenId, dataCentre, clientIp, userAgent);
    }

    /** As {@link #create(String, String, String, String, String, String)}, with the user's Zoho account id. */
    @Transactional
    public String create(String userEmail, String displayName, String zuid, String tokenId, String dataCentre,
                         String clientIp, String userAgent) {
        String raw = newSecret();
        em.persist(new PortalSessionEntity(hash(raw), UUID.randomUUID().toString(), userEmail,
                truncate(displayName, 255), tokenId, dataCentre, now(), truncate(clientIp, 45), truncate(userAgent, 512),
                truncate(zuid, 32)));
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

    /** The user a session cookie belongs to, without touching the session. */
    @Transactional
    public Optional<String> peekUser(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PortalSessionEntity.class, hash(rawId))).map(PortalSessionEntity::userEmail);
    }

    /** Ends every session of a user; returns how many there were. */
    @Transactional
    public int endAllFor(String userEmail) {
        return em.createQuery("DELETE FROM PortalSessionEntity s WHERE s.userEmail = :email")
                .setParameter("email", userEmail)
                .executeUpdate();
    }

    /**
     * The user's sessions that are still live by the session policy: expired rows that no request has
     * removed yet do not count (sign-out of the last live browser must revoke the grant).
     */
    @Transactional
    public long countLiveFor(String userEmail) {
        return countLive("SELECT COUNT(s) FROM PortalSessionEntity s WHERE s.userEmail = :key"
                + " AND s.lastSeenAt > :idleCutoff AND s.createdAt > :ageCutoff", userEmail);
    }

    /** Live sessions using a token (the purge keeps tokens that have one). */
    @Transactional
    public long countLiveForToken(String tokenId) {
        return countLive("SELECT COUNT(s) FROM PortalSessionEntity s WHERE s.tokenId = :key"
                + " AND s.lastSeenAt > :idleCutoff AND s.createdAt > :ageCutoff", tokenId);
    }

    /** Runs one of the two constant live-session counts above for its {@code :key}. */
    private long countLive(String countQuery, String key) {
        LocalDateTime now = now();
        SessionPolicy policy = policy();
        return em.createQuery(countQuery, Long.class)
                .setParameter("key", key)
                .setParameter("idleCutoff", now.minus(policy.idleTimeout()))
                .setParameter("ageCutoff", now.minus(policy.maxAge()))
                .getSingleResult();
    }

    /** Ends one session by its public id (an administrator's revoke); returns it, if it existed. */
    @Transactional
    public Optional<PortalSession> endByPublicId(String publicId) {
        if (publicId == null || publicId.length() > 36) {
            return Optional.empty();
        }
        List<PortalSessionEntity> rows = em.createQuery(
                        "SELECT s FROM PortalSessionEntity s WHERE s.publicId = :publicId", PortalSessionEntity.class)
                .setParameter("publicId", publicId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        PortalSessionEntity row = rows.get(0);
        return deleteSession(row.idHash()) > 0 ? Optional.of(row.toSession()) : Optional.empty();
    }

    /** Ends every session of every user; returns how many there were. */
    @Transactional
    public int endAll() {
        return em.createQuery("DELETE FROM PortalSessionEntity s").executeUpdate();
    }

    /** Whether a session is past the policy's idle timeout or maximum age at this moment. */
    public boolean isExpired(PortalSession session) {
        return policy().isExpired(session.createdAt(), session.lastSeenAt(), clock.instant());
    }

    /**
     * The purge: deletes every session past the idle timeout or the maximum age, and every sign-in attempt
     * past its life.
     *
     * @return how many sessions and login states were deleted
     */
    @Transactional
    public int[] purgeExpired() {
        LocalDateTime now = now();
        SessionPolicy policy = policy();
        int sessions = em.createQuery("DELETE FROM PortalSessionEntity s"
                        + " WHERE s.lastSeenAt <= :idleCutoff OR s.createdAt <= :ageCutoff")
                .setParameter("idleCutoff", now.minus(policy.idleTimeout()))
                .setParameter("ageCutoff", now.minus(policy.maxAge()))
                .executeUpdate();
        int states = em.createQuery("DELETE FROM LoginStateEntity l WHERE l.createdAt < :cutoff")
                .setParameter("cutoff", now.minusMinutes(LOGIN_STATE_MINUTES))
                .executeUpdate();
        return new int[] {sessions, states};
    }

    /** Ids of tokens no session row refers to, last written before {@code quietFor} ago (not a sign-in in flight). */
    @Transactional
    public List<String> tokensWithoutSessions(Duration quietFor) {
        return em.createQuery("SELECT t.id FROM OAuthTokenEntity t WHERE t.updatedAt < :cutoff AND NOT EXISTS"
                        + " (SELECT s.publicId FROM PortalSessionEntity s WHERE s.tokenId = t.id)", String.class)
                .setParameter("cutoff", now().minus(quietFor))
                .setMaxResults(1000)
                .getResultList();
    }

    /** One page of every session, for the admin table; {@code userFilter} matches name or email (contains). */
    @Transactional
    public List<SessionRow> page(String userFilter, String sortField, boolean ascending, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<PortalSessionEntity> s = cq.from(PortalSessionEntity.class);
        Root<OAuthTokenEntity> t = cq.from(OAuthTokenEntity.class);
        List<Predicate> where = new java.util.ArrayList<>(List.of(cb.equal(t.get("id"), s.get("tokenId"))));
        userFilter(cb, s, userFilter).ifPresent(where::add);
        Expression<?> order = switch (sortField == null ? "" : sortField) {
            case "user" -> s.get("userEmail");
            case "dataCentre" -> s.get("dataCentre");
            case "lastSeen" -> s.get("lastSeenAt");
            case "clientIp" -> s.get("clientIp");
            case "tokenExpiry" -> t.get("expiryTime");
            default -> s.get("createdAt");
        };
        cq.multiselect(s, t.get("expiryTime"), t.get("refreshTokenHash")).where(where.toArray(Predicate[]::new))
                .orderBy(ascending ? cb.asc(order) : cb.desc(order), cb.asc(s.get("publicId")));
        var query = em.createQuery(cq).setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 200)));
        Instant now = clock.instant();
        SessionPolicy policy = policy();
        return query.getResultStream().map(r -> {
            PortalSession session = ((PortalSessionEntity) r[0]).toSession();
            return new SessionRow(session, r[1] == null ? null : toInstant((LocalDateTime) r[1]), r[2] != null,
                    policy.isExpired(session.createdAt(), session.lastSeenAt(), now));
        }).toList();
    }

    /** How many sessions {@link #page} can show for this filter. */
    @Transactional
    public long count(String userFilter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<PortalSessionEntity> s = cq.from(PortalSessionEntity.class);
        cq.select(cb.count(s));
        userFilter(cb, s, userFilter).ifPresent(cq::where);
        return em.createQuery(cq).getSingleResult();
    }

    /** The search box: its text in the user's email or name, ignoring case; nothing for an empty box. */
    private static Optional<Predicate> userFilter(CriteriaBuilder cb, Root<PortalSessionEntity> s, String filter) {
        return filter == null || filter.isBlank() ? Optional.empty()
                : Optional.of(cb.or(LikePatterns.contains(cb, s.get("userEmail"), filter),
                        LikePatterns.contains(cb, s.get("displayName"), filter)));
    }

    /** How many sign-in attempts are pending (tests, the admin page). */
    @Transactional
    public long pendingLogins() {
        return em.createQuery("SELECT COUNT(l) FROM LoginStateEntity l", Long.class).getSingleResult();
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
        return beginLogin(returnTo, null);
    }

    /**
     * Records a sign-in attempt from a client address. {@code /login} needs no sign-in, so it must not let
     * anyone fill the table: one address (an IPv6 one: its /48) keeps at most {@value #LOGIN_STATES_PER_CLIENT}
     * pending attempts (its oldest give way), and past {@value #LOGIN_STATES_TOTAL} in total new attempts are
     * refused.
     *
     * @throws TooManySignInsException when the total bound is reached
     */
    @Transactional
    public String beginLogin(String returnTo, String clientIp) {
        LocalDateTime now = now();
        em.createQuery("DELETE FROM LoginStateEntity l WHERE l.createdAt < :cutoff")
                .setParameter("cutoff", now.minusMinutes(LOGIN_STATE_MINUTES))
                .executeUpdate();
        String ip = truncate(ClientAddresses.boundKey(clientIp), 45); // an IPv6 client counts by its /48
        if (ip != null) {
            List<byte[]> beyond = em.createQuery("SELECT l.stateHash FROM LoginStateEntity l WHERE l.clientIp = :ip"
                            + " ORDER BY l.createdAt DESC", byte[].class)
                    .setParameter("ip", ip)
                    .setFirstResult(LOGIN_STATES_PER_CLIENT - 1)
                    .setMaxResults(1000)
                    .getResultList();
            if (!beyond.isEmpty()) {
                em.createQuery("DELETE FROM LoginStateEntity l WHERE l.stateHash IN :hashes")
                        .setParameter("hashes", beyond).executeUpdate();
            }
        }
        long total = em.createQuery("SELECT COUNT(l) FROM LoginStateEntity l", Long.class).getSingleResult();
        if (total >= LOGIN_STATES_TOTAL) {
            throw new TooManySignInsException();
        }
        String state = newSecret();
        em.persist(new LoginStateEntity(hash(state), returnTo, now, ip));
        return state;
    }

    /** Too many sign-ins are pending: {@code /login} answers 429 until some finish or expire. */
    public static class TooManySignInsException extends RuntimeException {
        public TooManySignInsException() {
            super("too many sign-ins in progress");
        }
    }

    /** A session as the admin table shows it: with its token's access-token expiry and whether a refresh token is held. */
    public record SessionRow(PortalSession session, Instant tokenExpiry, boolean hasRefreshToken, boolean expired) {
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
        return SessionPolicy.from(config);
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
