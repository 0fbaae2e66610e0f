package com.zylker.portal.core.token;

import com.zylker.portal.core.crypto.CryptoException;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.persistence.Transactor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.TypedQuery;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link TokenStore} on JPA (Hibernate) over the {@code oauth_token} table, with tokens and the client secret
 * sealed by {@link TokenCipher} and found through keyed hashes, so a database dump or backup reveals no usable
 * credential and no lookup ever decrypts rows to compare them.
 *
 * <p>Concurrency: {@link #saveToken} reads the matching row with a row lock ({@code SELECT … FOR UPDATE}) and
 * updates it; two first inserts for one user collide on the unique index of the user-name hash, and the loser
 * retries (bounded, {@value #MAX_ATTEMPTS} attempts) and then updates the winner's row. Deadlocks and optimistic
 * lock failures are retried the same way. Every retry is a new transaction from {@link Transactor}, so this
 * class must not be called inside a caller's transaction that it cannot restart.
 *
 * <p>Times are stored in UTC at whole seconds (MariaDB through Connector/J drops fractions).
 *
 * <p>Key rotation: configure a new active key, then call {@link #reencryptAll()}; rows sealed under any key in
 * the ring stay readable and findable meanwhile.
 */
public final class JpaTokenStore implements TokenStore {

    /** Attempts of one save before giving up on contention. */
    static final int MAX_ATTEMPTS = 25;

    private static final int REENCRYPT_BATCH = 100;
    private static final System.Logger LOG = System.getLogger(JpaTokenStore.class.getName());

    private final Transactor transactor;
    private final TokenCipher cipher;
    private final Clock clock;

    public JpaTokenStore(Transactor transactor, TokenCipher cipher, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<OAuthToken> findToken(OAuthToken partial) {
        Objects.requireNonNull(partial, "partial");
        Lookup lookup = Lookup.of(partial);
        if (lookup == null) {
            return Optional.empty();
        }
        Optional<OAuthTokenEntity> row = read("findToken", em -> find(em, lookup, LockModeType.NONE));
        return row.map(this::toToken);
    }

    @Override
    public OAuthToken saveToken(OAuthToken token) {
        Objects.requireNonNull(token, "token");
        checkLimits(token);
        Lookup lookup = Lookup.of(token);
        if (lookup == null && !present(token.id()) && !present(token.accessToken())
                && !present(token.refreshToken()) && !present(token.grantToken())) {
            throw new TokenStoreException("Cannot save a token without user name, id, access, refresh or grant token");
        }
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                OAuthTokenEntity saved = transactor.inTransaction(em -> upsert(em, token, lookup));
                return token.toBuilder().id(saved.getId()).version(saved.getVersion())
                        .expiryTime(toInstant(saved.getExpiryTime()))
                        .createdAt(toInstant(saved.getCreatedAt())).updatedAt(toInstant(saved.getUpdatedAt()))
                        .build();
            } catch (RuntimeException e) {
                if (e instanceof TokenStoreException || !isTransient(e)) {
                    throw wrap("saveToken", e);
                }
                lastFailure = e;
                LOG.log(Level.DEBUG, "saveToken attempt {0} lost a race ({1}); retrying", attempt, e.getClass().getName());
                backOff(attempt);
            }
        }
        throw new TokenStoreException("saveToken gave up after " + MAX_ATTEMPTS
                + " attempts: concurrent writes to the same token kept conflicting", lastFailure);
    }

    @Override
    public Optional<OAuthToken> updateTokenIfUnchanged(OAuthToken token) {
        Objects.requireNonNull(token, "token");
        if (!present(token.id()) || token.version() == null) {
            throw new TokenStoreException("updateTokenIfUnchanged needs the id and version of the row that was read");
        }
        checkLimits(token);
        try {
            Optional<OAuthTokenEntity> saved = transactor.inTransaction(em -> {
                OAuthTokenEntity row = em.find(OAuthTokenEntity.class, token.id(), LockModeType.PESSIMISTIC_WRITE);
                if (row == null || !token.version().equals(row.getVersion())) {
                    return Optional.empty();
                }
                apply(row, token, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
                em.flush();
                return Optional.of(row);
            });
            return saved.map(row -> token.toBuilder().version(row.getVersion())
                    .expiryTime(toInstant(row.getExpiryTime()))
                    .createdAt(toInstant(row.getCreatedAt())).updatedAt(toInstant(row.getUpdatedAt()))
                    .build());
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                // Someone else wrote or deleted the row at the same moment: it is no longer the row we read.
                return Optional.empty();
            }
            throw wrap("updateTokenIfUnchanged", e);
        }
    }

    @Override
    public void deleteToken(String id) {
        if (id == null) {
            return;
        }
        run("deleteToken", em -> em.createQuery("delete from OAuthTokenEntity t where t.id = :id")
                .setParameter("id", id).executeUpdate());
    }

    @Override
    public boolean deleteTokenIfUnchanged(String id, long version) {
        if (id == null) {
            return false;
        }
        return run("deleteTokenIfUnchanged", em -> em.createQuery(
                        "delete from OAuthTokenEntity t where t.id = :id and t.version = :version")
                .setParameter("id", id).setParameter("version", version).executeUpdate()) > 0;
    }

    @Override
    public List<OAuthToken> getTokens() {
        List<OAuthTokenEntity> rows = read("getTokens", em -> em.createQuery(
                "select t from OAuthTokenEntity t order by t.createdAt, t.id", OAuthTokenEntity.class).getResultList());
        return rows.stream().map(this::toToken).collect(Collectors.toList());
    }

    @Override
    public List<OAuthToken> getReadableTokens(java.util.function.Consumer<UnreadableToken> unreadable) {
        List<OAuthTokenEntity> rows = read("getTokens", em -> em.createQuery(
                "select t from OAuthTokenEntity t order by t.createdAt, t.id", OAuthTokenEntity.class).getResultList());
        List<OAuthToken> tokens = new java.util.ArrayList<>(rows.size());
        for (OAuthTokenEntity row : rows) {
            try {
                tokens.add(toToken(row));
            } catch (TokenStoreException e) {
                LOG.log(Level.WARNING, "token row {0} cannot be decrypted; listed as unreadable", row.getId());
                unreadable.accept(new UnreadableToken(row.getId(), row.getUserName(), row.getAccountsServer()));
            }
        }
        return tokens;
    }

    @Override
    public void deleteTokens() {
        run("deleteTokens", em -> em.createQuery("delete from OAuthTokenEntity t").executeUpdate());
    }

    @Override
    public Optional<OAuthToken> findTokenById(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return read("findTokenById", em -> Optional.ofNullable(em.find(OAuthTokenEntity.class, id))).map(this::toToken);
    }

    /**
     * Re-seals every row not under the active key with the active key and recomputes its lookup hashes, in
     * batches of {@value #REENCRYPT_BATCH} rows per transaction. Safe to run while the portal serves requests
     * and safe to re-run after an interruption. Step two of a rotation: (1) add the new key to
     * {@code portal.crypto.keys} and name it in {@code portal.crypto.active-key} on every node, (2) run this,
     * (3) remove the old key from the ring.
     *
     * @return how many rows were re-encrypted
     * @throws TokenStoreException when a row cannot be opened (its key is missing from the ring or wrong)
     */
    public int reencryptAll() {
        String active = cipher.activeKeyId();
        int total = 0;
        int failures = 0;
        while (true) {
            List<String> ids = read("reencryptAll", em -> em.createQuery(
                    "select t.id from OAuthTokenEntity t where t.keyId <> :active order by t.id", String.class)
                    .setParameter("active", active).setMaxResults(REENCRYPT_BATCH).getResultList());
            if (ids.isEmpty()) {
                LOG.log(Level.INFO, "Re-encrypted {0} token rows under key ''{1}''", total, active);
                return total;
            }
            try {
                total += transactor.inTransaction(em -> reencrypt(em, ids, active));
            } catch (RuntimeException e) {
                if (e instanceof TokenStoreException || !isTransient(e) || ++failures > MAX_ATTEMPTS) {
                    throw wrap("reencryptAll", e);
                }
                backOff(failures);
            }
        }
    }

    private int reencrypt(EntityManager em, List<String> ids, String active) {
        int count = 0;
        for (String id : ids) {
            OAuthTokenEntity row = em.find(OAuthTokenEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && !active.equals(row.getKeyId())) {
                apply(row, toToken(row), row.getUpdatedAt());
                count++;
            }
        }
        em.flush();
        return count;
    }

    private OAuthTokenEntity upsert(EntityManager em, OAuthToken token, Lookup lookup) {
        OAuthTokenEntity row = lookup == null ? null : find(em, lookup, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (row == null && present(token.id())) {
            row = em.find(OAuthTokenEntity.class, token.id(), LockModeType.PESSIMISTIC_WRITE);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        if (row == null) {
            row = new OAuthTokenEntity(UUID.randomUUID().toString());
            row.setCreatedAt(now);
            apply(row, token, now);
            em.persist(row);
        } else {
            apply(row, token, now);
        }
        em.flush(); // surfaces constraint and lock failures here, and makes the new version visible
        return row;
    }

    /** Writes {@code token}'s values into {@code row}, sealed and hashed under the active key. */
    private void apply(OAuthTokenEntity row, OAuthToken token, LocalDateTime updatedAt) {
        String keyId = cipher.activeKeyId();
        String id = row.getId();
        row.setKeyId(keyId);
        row.setUserName(token.userName());
        row.setUserNameHash(present(token.userName()) ? cipher.lookupHash(keyId, normalizeUser(token.userName())) : null);
        row.setClientId(token.clientId());
        row.setClientSecret(cipher.seal(token.clientSecret(), context("client_secret", id, token.userName(), token.accountsServer(), token.apiDomain())));
        row.setAccessToken(cipher.seal(token.accessToken(), context("access_token", id, token.userName(), token.accountsServer(), token.apiDomain())));
        row.setAccessTokenHash(present(token.accessToken()) ? cipher.lookupHash(keyId, token.accessToken()) : null);
        row.setRefreshToken(cipher.seal(token.refreshToken(), context("refresh_token", id, token.userName(), token.accountsServer(), token.apiDomain())));
        row.setRefreshTokenHash(present(token.refreshToken()) ? cipher.lookupHash(keyId, token.refreshToken()) : null);
        row.setGrantToken(cipher.seal(token.grantToken(), context("grant_token", id, token.userName(), token.accountsServer(), token.apiDomain())));
        row.setGrantTokenHash(present(token.grantToken()) ? cipher.lookupHash(keyId, token.grantToken()) : null);
        row.setExpiryTime(token.expiryTime() == null ? null
                : LocalDateTime.ofInstant(token.expiryTime(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        row.setRedirectUrl(token.redirectUrl());
        row.setApiDomain(token.apiDomain());
        row.setAccountsServer(token.accountsServer());
        row.setZuid(token.zuid());
        row.setUpdatedAt(updatedAt);
    }

    private Optional<OAuthTokenEntity> find(EntityManager em, Lookup lookup, LockModeType lock) {
        List<OAuthTokenEntity> rows = lookupQuery(em, lookup, OAuthTokenEntity.class)
                .setLockMode(lock).setMaxResults(1).getResultList();
        return rows.stream().findFirst();
    }

    private <R> TypedQuery<R> lookupQuery(EntityManager em, Lookup lookup, Class<R> type) {
        List<byte[]> hashes = cipher.lookupHashes(lookup.value);
        TypedQuery<R> query;
        if (hashes.size() <= HASH_SLOTS) {
            // Fixed single-valued parameters: Hibernate 6 re-translates a query with a list parameter on every
            // execution (measured: ~2-3x the time of the lookup itself), but caches this one's SQL.
            query = em.createQuery(lookup.kind.slotted, type);
            for (int i = 0; i < HASH_SLOTS; i++) {
                query.setParameter("h" + i, hashes.get(Math.min(i, hashes.size() - 1)));
            }
        } else {
            query = em.createQuery(lookup.kind.listed, type)
                    .setParameter("hashes", hashes);
        }
        if (lookup.clientId != null) {
            query.setParameter("clientId", lookup.clientId);
        }
        return query;
    }

    private OAuthToken toToken(OAuthTokenEntity row) {
        String id = row.getId();
        String keyId = row.getKeyId();
        if (!cipher.knowsKey(keyId)) {
            throw new TokenStoreException("Token " + id + " is sealed under key '" + keyId
                    + "', which is not in portal.crypto.keys; add that key to the ring to read it");
        }
        try {
            return OAuthToken.builder()
                    .id(id)
                    .userName(row.getUserName())
                    .clientId(row.getClientId())
                    .clientSecret(cipher.open(keyId, row.getClientSecret(), context("client_secret", id, row.getUserName(), row.getAccountsServer(), row.getApiDomain())))
                    .accessToken(cipher.open(keyId, row.getAccessToken(), context("access_token", id, row.getUserName(), row.getAccountsServer(), row.getApiDomain())))
                    .refreshToken(cipher.open(keyId, row.getRefreshToken(), context("refresh_token", id, row.getUserName(), row.getAccountsServer(), row.getApiDomain())))
                    .grantToken(cipher.open(keyId, row.getGrantToken(), context("grant_token", id, row.getUserName(), row.getAccountsServer(), row.getApiDomain())))
                    .expiryTime(toInstant(row.getExpiryTime()))
                    .redirectUrl(row.getRedirectUrl())
                    .apiDomain(row.getApiDomain())
                    .accountsServer(row.getAccountsServer())
                    .zuid(row.getZuid())
                    .createdAt(toInstant(row.getCreatedAt()))
                    .updatedAt(toInstant(row.getUpdatedAt()))
                    .version(row.getVersion())
                    .build();
        } catch (CryptoException e) {
            throw new TokenStoreException("Token " + id + " cannot be decrypted with key '" + keyId
                    + "': the configured key material for that id is wrong, or the row was altered", e);
        }
    }

    private <T> T read(String operation, Function<EntityManager, T> work) {
        try {
            return transactor.read(work);
        } catch (RuntimeException e) {
            throw wrap(operation, e);
        }
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        try {
            return transactor.inTransaction(work);
        } catch (RuntimeException e) {
            throw wrap(operation, e);
        }
    }

    private static TokenStoreException wrap(String operation, RuntimeException e) {
        if (e instanceof TokenStoreException) {
            return (TokenStoreException) e;
        }
        return new TokenStoreException(operation + " failed: " + e.getClass().getSimpleName(), e);
    }

    /** Whether {@code e} is a lost race that a fresh transaction may win: deadlock, lock timeout, duplicate key. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException) {
                SQLException sql = (SQLException) t;
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                int code = sql.getErrorCode();
                if (state.startsWith("40")                 // serialization failure / deadlock (both databases)
                        || code == 1213 || code == 1205     // MySQL/MariaDB deadlock, lock wait timeout
                        || code == 1062                     // MySQL/MariaDB duplicate key
                        || state.equals("23505")            // H2 duplicate key
                        || code == 90131 || code == 50200) { // H2 concurrent update, lock timeout
                    return true;
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            // Jitter so that the losers of one race do not collide again in lockstep.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException("Interrupted while retrying a token write", e);
        }
    }

    private static void checkLimits(OAuthToken token) {
        checkLength("userName", token.userName(), OAuthToken.MAX_USER_NAME_LENGTH);
        checkLength("clientId", token.clientId(), OAuthToken.MAX_NAME_LENGTH);
        checkLength("clientSecret", token.clientSecret(), OAuthToken.MAX_SECRET_LENGTH);
        checkLength("accessToken", token.accessToken(), OAuthToken.MAX_SECRET_LENGTH);
        checkLength("refreshToken", token.refreshToken(), OAuthToken.MAX_SECRET_LENGTH);
        checkLength("grantToken", token.grantToken(), OAuthToken.MAX_SECRET_LENGTH);
        checkLength("redirectUrl", token.redirectUrl(), OAuthToken.MAX_URL_LENGTH);
        checkLength("apiDomain", token.apiDomain(), OAuthToken.MAX_NAME_LENGTH);
        checkLength("accountsServer", token.accountsServer(), OAuthToken.MAX_NAME_LENGTH);
    }

    private static void checkLength(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new TokenStoreException(field + " is " + value.length() + " characters long; the limit is " + limit);
        }
    }

    /**
     * The associated data a sealed value is bound to: its column and row, and the user and data centre the row
     * names. Moving a ciphertext to another row, or pointing a row at another user or data centre (someone
     * with write access to the table but not the key), makes it fail to open instead of handing one user's
     * token to another or sending it to another data centre.
     */
    static String context(String column, String id, String userName, String accountsServer, String apiDomain) {
        return "oauth_token." + column + "/" + id + "|user=" + (userName == null ? "" : normalizeUser(userName))
                + "|accounts=" + (accountsServer == null ? "" : accountsServer)
                + "|api=" + (apiDomain == null ? "" : apiDomain);
    }

    private static String normalizeUser(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static Instant toInstant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** Which key of a (partial) token identifies its row; the precedence of {@link TokenStore}. */
    private static final class Lookup {
        final Kind kind;
        final String value;
        final String clientId;

        private Lookup(Kind kind, String value, String clientId) {
            this.kind = kind;
            this.value = value;
            this.clientId = clientId;
        }

        static Lookup of(OAuthToken t) {
            if (present(t.userName())) {
                return new Lookup(Kind.USER, normalizeUser(t.userName()), null);
            }
            boolean hasClient = present(t.clientId()) && present(t.clientSecret());
            boolean noClient = !present(t.clientId()) && !present(t.clientSecret());
            if (present(t.accessToken()) && noClient) {
                return new Lookup(Kind.ACCESS, t.accessToken(), null);
            }
            if (hasClient && present(t.grantToken())) {
                return new Lookup(Kind.GRANT, t.grantToken(), t.clientId());
            }
            if (hasClient && present(t.refreshToken())) {
                return new Lookup(Kind.REFRESH, t.refreshToken(), t.clientId());
            }
            return null;
        }
    }

    /** Key ring sizes up to this use the cached fixed-parameter queries; larger rings a list parameter. */
    private static final int HASH_SLOTS = 4;

    private enum Kind {
        USER("t.userNameHash", false),
        ACCESS("t.accessTokenHash", false),
        GRANT("t.grantTokenHash", true),
        REFRESH("t.refreshTokenHash", true);

        /** JPQL built once from constants; values are always bound parameters. */
        final String slotted;
        final String listed;

        Kind(String hashPath, boolean withClient) {
            String client = withClient ? " and t.clientId = :clientId" : "";
            String slots = " from OAuthTokenEntity t where " + hashPath + " in (:h0, :h1, :h2, :h3)" + client
                    + " order by t.updatedAt desc, t.id";
            String list = " from OAuthTokenEntity t where " + hashPath + " in :hashes" + client
                    + " order by t.updatedAt desc, t.id";
            this.slotted = "select t" + slots;
            this.listed = "select t" + list;
        }
    }
}
