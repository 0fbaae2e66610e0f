package com.zylker.portal.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour of {@link JpaTokenStore}, written once and run on each database by a subclass
 * ({@link H2JpaTokenStoreTest}, {@link MariaDbJpaTokenStoreTest}), so the report shows both runs by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJpaTokenStoreTest {

    static final Instant NOW = Instant.parse("2025-03-04T05:06:07.891Z");
    static final Instant NOW_SECONDS = Instant.parse("2025-03-04T05:06:07Z");
    static final String CLIENT_ID = "1000.ZYLKERDEMO";
    static final String CLIENT_SECRET = "client-secret-value-0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    TestDatabase db;
    String keyK1;
    TokenCipher cipher;
    JpaTokenStore store;

    abstract TestDatabases.Kind kind();

    @BeforeAll
    void openDatabase() {
        db = TestDatabases.openOrSkip(kind());
        keyK1 = KeyRing.generateSpec("k1", RANDOM);
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        db.execute("DELETE FROM oauth_token");
        cipher = new TokenCipher(KeyRing.parse(keyK1, null));
        store = storeWith(cipher);
    }

    JpaTokenStore storeWith(TokenCipher tokenCipher) {
        return new JpaTokenStore(db.transactor(), tokenCipher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static OAuthToken token(String user, String access) {
        return OAuthToken.builder().userName(user).clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .accessToken(access).refreshToken("rt-" + access).grantToken("gt-" + access)
                .expiryTime(NOW.plusSeconds(3600)).redirectUrl("http://localhost:8080/oauth/callback")
                .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").build();
    }

    int rowCount() {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM oauth_token");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of every row, as raw bytes. */
    List<byte[]> rawColumns() {
        List<byte[]> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM oauth_token");
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    byte[] bytes = isBinary(meta.getColumnType(i)) ? rs.getBytes(i)
                            : rs.getString(i) == null ? null : rs.getString(i).getBytes(StandardCharsets.UTF_8);
                    if (bytes != null) {
                        values.add(bytes);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static boolean isBinary(int sqlType) {
        return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY
                || sqlType == Types.BLOB;
    }

    List<String> rawKeyIds() {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT key_id FROM oauth_token");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---- FindToken ----

    @Test
    void aRowPointedAtAnotherUserDoesNotDecrypt() {
        OAuthToken saved = store.saveToken(token("priya.raman@zylkeracademy.com", "at-priya"));
        assertThat(store.findTokenById(saved.id())).isPresent(); // positive control

        db.execute("UPDATE oauth_token SET user_name = 'mallory@zylker.example'");

        assertThatThrownBy(() -> store.findTokenById(saved.id())).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aRowMovedToAnotherDataCentreDoesNotDecrypt() {
        OAuthToken saved = store.saveToken(token("lukas.schneider@zylkeracademy.eu", "at-lukas"));

        db.execute("UPDATE oauth_token SET accounts_server = 'https://accounts.zoho.com'");

        assertThatThrownBy(() -> store.findTokenById(saved.id())).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("cannot be decrypted");
        db.execute("UPDATE oauth_token SET accounts_server = 'https://accounts.zoho.eu', api_domain = 'https://www.zohoapis.com'");
        assertThatThrownBy(() -> store.findTokenById(saved.id())).isInstanceOf(TokenStoreException.class);
        db.execute("UPDATE oauth_token SET api_domain = 'https://www.zohoapis.eu'");
        assertThat(store.findTokenById(saved.id()).orElseThrow().accessToken()).as("restored row opens").isEqualTo("at-lukas");
    }

    @Test
    void findsByUserNameIgnoringCase() {
        OAuthToken saved = store.saveToken(token("Ana@Zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().userName("ana@zylker.COM").build());

        assertThat(found).contains(saved);
    }

    @Test
    void updateIfUnchangedWritesOntoTheRowThatWasRead() {
        OAuthToken read = store.saveToken(token("ana@zylker.com", "at-1"));

        var updated = store.updateTokenIfUnchanged(read.toBuilder().accessToken("at-2").build());

        assertThat(updated).isPresent();
        assertThat(updated.get().version()).isGreaterThan(read.version());
        assertThat(store.findTokenById(read.id()).orElseThrow().accessToken()).isEqualTo("at-2");
    }

    @Test
    void updateIfUnchangedNeverBringsADeletedRowBack() {
        OAuthToken read = store.saveToken(token("ana@zylker.com", "at-1"));
        store.deleteToken(read.id());

        var updated = store.updateTokenIfUnchanged(read.toBuilder().accessToken("at-2").build());

        assertThat(updated).isEmpty();
        assertThat(rowCount()).isZero();
    }

    @Test
    void updateIfUnchangedRefusesARowChangedSinceItWasRead() {
        OAuthToken read = store.saveToken(token("ana@zylker.com", "at-1"));
        store.saveToken(token("ana@zylker.com", "at-from-a-new-sign-in"));

        var updated = store.updateTokenIfUnchanged(read.toBuilder().accessToken("at-stale-refresh").build());

        assertThat(updated).isEmpty();
        assertThat(store.findTokenById(read.id()).orElseThrow().accessToken()).isEqualTo("at-from-a-new-sign-in");
    }

    @Test
    void findsByAccessTokenWhenClientCredentialsAreAbsent() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().accessToken("at-ana").build());

        assertThat(found).contains(saved);
    }

    @Test
    void ignoresAccessTokenWhenClientCredentialsArePresent() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().accessToken("at-ana")
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(found).isEmpty();
    }

    @Test
    void findsByGrantTokenWithClientCredentials() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().grantToken("gt-at-ana")
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(found).contains(saved);
    }

    @Test
    void findsByRefreshTokenWithClientCredentials() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().refreshToken("rt-at-ana")
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(found).contains(saved);
    }

    @Test
    void refreshTokenOfAnotherClientDoesNotMatch() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().refreshToken("rt-at-ana")
                .clientId("1000.OTHER").clientSecret(CLIENT_SECRET).build());

        assertThat(found).isEmpty();
    }

    @Test
    void refreshTokenWithoutClientCredentialsIsNoKey() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().refreshToken("rt-at-ana").build());

        assertThat(found).isEmpty();
    }

    @Test
    void userNameTakesPrecedenceOverAccessToken() {
        store.saveToken(token("ana@zylker.com", "at-ana"));
        OAuthToken bob = store.saveToken(token("bob@zylker.com", "at-bob"));

        var found = store.findToken(OAuthToken.builder().userName("bob@zylker.com").accessToken("at-ana").build());

        assertThat(found).contains(bob);
    }

    @Test
    void unknownUserNameDoesNotFallBackToAccessToken() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().userName("nobody@zylker.com").accessToken("at-ana").build());

        assertThat(found).isEmpty();
    }

    @Test
    void grantTokenTakesPrecedenceOverRefreshToken() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));
        store.saveToken(token("bob@zylker.com", "at-bob"));

        var found = store.findToken(OAuthToken.builder().grantToken("gt-at-ana").refreshToken("rt-at-bob")
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(found).contains(ana);
    }

    @Test
    void tokenWithoutAnyKeyMatchesNothing() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(found).isEmpty();
    }

    @Test
    void emptyStringsAreNoKey() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        var found = store.findToken(OAuthToken.builder().userName("").accessToken("").build());

        assertThat(found).isEmpty();
    }

    @Test
    void returnsEveryFieldAtWholeSeconds() {
        OAuthToken written = token("ana@zylker.com", "at-ana").withExpiryTime(NOW_SECONDS.plusMillis(3_600_999));
        store.saveToken(written);

        OAuthToken found = store.findToken(OAuthToken.builder().userName("ana@zylker.com").build()).orElseThrow();

        assertThat(found.toBuilder().id(null).version(null).createdAt(null).updatedAt(null).build())
                .isEqualTo(written.withExpiryTime(NOW_SECONDS.plusSeconds(3600)));
        assertThat(found.createdAt()).isEqualTo(NOW_SECONDS);
        assertThat(found.updatedAt()).isEqualTo(NOW_SECONDS);
    }

    // ---- SaveToken ----

    @Test
    void insertsWithNewIdWhenNothingMatches() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        assertThat(saved.id()).isNotBlank();
        assertThat(store.findTokenById(saved.id())).contains(saved);
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void ignoresCallerIdForNewRows() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana").withId("chosen-by-caller"));

        assertThat(saved.id()).isNotEqualTo("chosen-by-caller");
    }

    @Test
    void updatesByUserNameKeepingIdAndCreationTime() {
        OAuthToken first = store.saveToken(token("ana@zylker.com", "at-1"));

        OAuthToken second = store.saveToken(token("ANA@zylker.com", "at-2"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(store.findTokenById(first.id()).orElseThrow().accessToken()).isEqualTo("at-2");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void updatesByAccessTokenWhenNoUserNameOrClient() {
        OAuthToken first = store.saveToken(OAuthToken.builder().accessToken("at-1").apiDomain("a").build());

        OAuthToken second = store.saveToken(OAuthToken.builder().accessToken("at-1").apiDomain("b").build());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.findTokenById(first.id()).orElseThrow().apiDomain()).isEqualTo("b");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void updatesByGrantTokenWithClientCredentials() {
        OAuthToken first = store.saveToken(token(null, "at-1"));

        OAuthToken second = store.saveToken(token(null, "at-2").withGrantToken("gt-at-1").withRefreshToken("rt-new"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.findTokenById(first.id()).orElseThrow().refreshToken()).isEqualTo("rt-new");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void updatesByRefreshTokenWithClientCredentials() {
        OAuthToken first = store.saveToken(token(null, "at-1").withGrantToken(null));

        OAuthToken second = store.saveToken(token(null, "at-2").withGrantToken(null).withRefreshToken("rt-at-1"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.findTokenById(first.id()).orElseThrow().accessToken()).isEqualTo("at-2");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void updatesByIdWhenNoOtherKeyMatches() {
        OAuthToken first = store.saveToken(token("ana@zylker.com", "at-1"));

        OAuthToken second = store.saveToken(OAuthToken.builder().id(first.id()).accessToken("at-2")
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void differentUsersGetDifferentRows() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));

        OAuthToken bob = store.saveToken(token("bob@zylker.com", "at-bob"));

        assertThat(bob.id()).isNotEqualTo(ana.id());
        assertThat(rowCount()).isEqualTo(2);
    }

    @Test
    void refusesATokenWithoutAnyKey() {
        OAuthToken keyless = OAuthToken.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build();

        assertThatThrownBy(() -> store.saveToken(keyless)).isInstanceOf(TokenStoreException.class);
        assertThat(rowCount()).isZero();
    }

    @Test
    void storesTimesAtWholeSeconds() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at").withExpiryTime(NOW_SECONDS.plusNanos(999_999_999)));

        assertThat(saved.expiryTime()).isEqualTo(NOW_SECONDS);
        assertThat(store.findTokenById(saved.id()).orElseThrow()).isEqualTo(saved);
    }

    @Test
    void databaseRefusesASecondRowForTheSameUser() throws SQLException {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO oauth_token (id, version, key_id,"
                        + " user_name_hash, created_at, updated_at)"
                        + " SELECT ?, 0, key_id, user_name_hash, created_at, updated_at FROM oauth_token WHERE id = ?")) {
            ps.setString(1, "duplicate");
            ps.setString(2, saved.id());

            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    // ---- Operations ----

    @Test
    void deleteTokenRemovesOnlyThatRow() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));
        OAuthToken bob = store.saveToken(token("bob@zylker.com", "at-bob"));

        store.deleteToken(ana.id());

        assertThat(store.getTokens()).containsExactly(bob);
    }

    @Test
    void deleteTokenIgnoresUnknownId() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));

        store.deleteToken("no-such-id");

        assertThat(store.getTokens()).containsExactly(ana);
    }

    @Test
    void getTokensReturnsEveryToken() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));
        OAuthToken bob = store.saveToken(token("bob@zylker.com", "at-bob"));

        assertThat(store.getTokens()).containsExactlyInAnyOrder(ana, bob);
    }

    @Test
    void theReadableListingReportsARowThatNoLongerDecryptsInsteadOfFailing() {
        OAuthToken ana = store.saveToken(token("ana@zylker.com", "at-ana"));
        OAuthToken bob = store.saveToken(token("bob@zylker.com", "at-bob"));
        db.execute("UPDATE oauth_token SET user_name = 'mallory@zylker.example' WHERE user_name = 'bob@zylker.com'");
        assertThatThrownBy(store::getTokens).as("control").isInstanceOf(TokenStoreException.class);

        java.util.List<TokenStore.UnreadableToken> unreadable = new java.util.ArrayList<>();
        assertThat(store.getReadableTokens(unreadable::add)).containsExactly(ana);
        assertThat(unreadable).containsExactly(
                new TokenStore.UnreadableToken(bob.id(), "mallory@zylker.example", bob.accountsServer()));
    }

    @Test
    void deleteTokensRemovesEverything() {
        store.saveToken(token("ana@zylker.com", "at-ana"));
        store.saveToken(token("bob@zylker.com", "at-bob"));

        store.deleteTokens();

        assertThat(store.getTokens()).isEmpty();
    }

    @Test
    void findTokenByIdReturnsEmptyForUnknownId() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        assertThat(store.findTokenById("no-such-id")).isEmpty();
    }

    // ---- Concurrency ----

    @Test
    void sixteenThreadsSavingOneUserLeaveOneRowWithOneOfTheValues() throws Exception {
        List<String> written = new ArrayList<>();
        List<Callable<OAuthToken>> saves = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String access = "at-concurrent-" + i;
            written.add(access);
            saves.add(() -> store.saveToken(token("same@zylker.com", access)));
        }

        runTogether(saves);

        assertThat(rowCount()).isEqualTo(1);
        OAuthToken stored = store.findToken(OAuthToken.builder().userName("same@zylker.com").build()).orElseThrow();
        assertThat(written).contains(stored.accessToken());
        assertThat(stored.refreshToken()).isEqualTo("rt-" + stored.accessToken());
    }

    @Test
    void sixteenThreadsSavingSixteenUsersLeaveSixteenRows() throws Exception {
        List<Callable<OAuthToken>> saves = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String user = "user" + i + "@zylker.com";
            saves.add(() -> store.saveToken(token(user, "at-" + user)));
        }

        List<OAuthToken> saved = runTogether(saves);

        assertThat(rowCount()).isEqualTo(16);
        assertThat(saved).extracting(OAuthToken::id).doesNotHaveDuplicates();
    }

    @Test
    void aThousandUsersSavedOneAfterAnotherAreAllKept() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(store.saveToken(token("seq" + i + "@zylker.com", "at-" + i)).id());
        }

        assertThat(ids).hasSize(1000);
        assertThat(rowCount()).isEqualTo(1000);
        assertThat(store.findToken(OAuthToken.builder().userName("seq999@zylker.com").build())
                .map(OAuthToken::accessToken)).contains("at-999");
    }

    private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- Encryption ----

    @Test
    void rawRowsContainNoPlaintextTokenOrSecret() {
        store.saveToken(token("ana@zylker.com", "at-plaintext-probe"));
        List<byte[]> secrets = List.of("at-plaintext-probe", "rt-at-plaintext-probe", "gt-at-plaintext-probe",
                CLIENT_SECRET).stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();

        List<byte[]> columns = rawColumns();

        assertThat(columns).isNotEmpty();
        for (byte[] column : columns) {
            for (byte[] secret : secrets) {
                assertThat(contains(column, secret)).as("a column holds a plaintext secret").isFalse();
            }
        }
    }

    @Test
    void rowRecordsTheActiveKeyId() {
        store.saveToken(token("ana@zylker.com", "at-ana"));

        assertThat(rawKeyIds()).containsExactly("k1");
    }

    @Test
    void wrongKeyMaterialFailsClearly() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-secret-value"));
        JpaTokenStore wrongKey = storeWith(new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k1", RANDOM), null)));

        assertThatThrownBy(() -> wrongKey.findTokenById(saved.id()))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("cannot be decrypted with key 'k1'")
                .hasMessageNotContaining("at-secret-value");
    }

    @Test
    void keyMissingFromTheRingFailsClearly() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));
        JpaTokenStore otherRing = storeWith(new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k2", RANDOM), null)));

        assertThatThrownBy(() -> otherRing.getTokens())
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("'k1'").hasMessageContaining("not in portal.crypto.keys");
        assertThat(saved.id()).isNotNull();
    }

    // ---- KeyRotation ----

    private JpaTokenStore rotated() {
        String k2 = KeyRing.generateSpec("k2", RANDOM);
        return storeWith(new TokenCipher(KeyRing.parse(k2 + "," + keyK1, "k2")));
    }

    @Test
    void rowsUnderTheOldKeyStayFindableAfterRotation() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));

        JpaTokenStore afterRotation = rotated();

        assertThat(afterRotation.findToken(OAuthToken.builder().userName("ana@zylker.com").build())).contains(saved);
        assertThat(afterRotation.findToken(OAuthToken.builder().accessToken("at-ana").build())).contains(saved);
    }

    @Test
    void savingAfterRotationUpdatesTheSameRowUnderTheNewKey() {
        OAuthToken first = store.saveToken(token("ana@zylker.com", "at-1"));

        OAuthToken second = rotated().saveToken(token("ana@zylker.com", "at-2"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(rawKeyIds()).containsExactly("k2");
    }

    @Test
    void reencryptAllMovesEveryRowToTheActiveKey() {
        store.saveToken(token("ana@zylker.com", "at-ana"));
        store.saveToken(token("bob@zylker.com", "at-bob"));
        String k2 = KeyRing.generateSpec("k2", RANDOM);
        JpaTokenStore rotating = storeWith(new TokenCipher(KeyRing.parse(k2 + "," + keyK1, "k2")));

        int moved = rotating.reencryptAll();

        assertThat(moved).isEqualTo(2);
        assertThat(rawKeyIds()).containsOnly("k2");
        JpaTokenStore newKeyOnly = storeWith(new TokenCipher(KeyRing.parse(k2, null)));
        assertThat(newKeyOnly.findToken(OAuthToken.builder().accessToken("at-bob").build())
                .map(OAuthToken::userName)).contains("bob@zylker.com");
        assertThat(newKeyOnly.findToken(OAuthToken.builder().userName("ANA@zylker.com").build())).isPresent();
    }

    @Test
    void rowsStayFindableWithARingOfMoreThanFourKeys() {
        OAuthToken saved = store.saveToken(token("ana@zylker.com", "at-ana"));
        StringBuilder ring = new StringBuilder();
        for (int i = 2; i <= 5; i++) {
            ring.append(KeyRing.generateSpec("k" + i, RANDOM)).append(',');
        }

        JpaTokenStore bigRing = storeWith(new TokenCipher(KeyRing.parse(ring + keyK1, null)));

        assertThat(bigRing.findToken(OAuthToken.builder().userName("ana@zylker.com").build())).contains(saved);
    }

    @Test
    void reencryptAllLeavesNothingToDoTheSecondTime() {
        store.saveToken(token("ana@zylker.com", "at-ana"));
        JpaTokenStore rotating = rotated();
        rotating.reencryptAll();

        assertThat(rotating.reencryptAll()).isZero();
    }

    // ---- HostileInput ----

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "'; DROP TABLE oauth_token; --", "\" OR \"\"=\"", "a\\' --",
            "Jürgen.Öztürk@Bücher.Example", "MiXeD.CaSe@ZyLkEr.CoM", "用户@例子.广告", "emoji😀@zylker.com",
            "  padded@zylker.com  ", "%", "_"})
    void hostileUserNamesRoundTripAndTouchNoOtherRow(String hostile) {
        OAuthToken victim = store.saveToken(token("victim@zylker.com", "at-victim"));

        OAuthToken saved = store.saveToken(token(hostile, "at-hostile"));

        assertThat(store.findToken(OAuthToken.builder().userName(hostile).build())).contains(saved);
        assertThat(saved.userName()).isEqualTo(hostile);
        assertThat(store.findTokenById(victim.id())).contains(victim);
        assertThat(rowCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "'; DROP TABLE oauth_token; --", "Ünïcødé-tøken-😀", "%", ""})
    void hostileTokenValuesRoundTripAndTouchNoOtherRow(String hostile) {
        OAuthToken victim = store.saveToken(token("victim@zylker.com", "at-victim"));

        OAuthToken saved = store.saveToken(token("h@zylker.com", "x").toBuilder().accessToken(hostile)
                .refreshToken(hostile).grantToken(hostile).clientSecret(hostile).build());

        assertThat(store.findTokenById(saved.id())).contains(saved);
        assertThat(store.findTokenById(victim.id())).contains(victim);
        assertThat(rowCount()).isEqualTo(2);
    }

    @Test
    void hostileAccessTokenFindsOnlyItsOwnRow() {
        store.saveToken(OAuthToken.builder().accessToken("normal").build());
        OAuthToken saved = store.saveToken(OAuthToken.builder().accessToken("x' OR '1'='1").build());

        assertThat(store.findToken(OAuthToken.builder().accessToken("x' OR '1'='1").build())).contains(saved);
    }

    @Test
    void mixedCaseNonAsciiEmailsAreOneUser() {
        OAuthToken first = store.saveToken(token("Jürgen.Öz@Bücher.Example", "at-1"));

        OAuthToken second = store.saveToken(token("jürgen.öz@bücher.example", "at-2"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.findTokenById(first.id()).orElseThrow().userName()).isEqualTo("jürgen.öz@bücher.example");
    }

    @Test
    void valuesAtTheLimitsRoundTrip() {
        String user = "ü".repeat(OAuthToken.MAX_USER_NAME_LENGTH - "@x.de".length()) + "@x.de";
        String secret = "ß€".repeat(OAuthToken.MAX_SECRET_LENGTH / 2);
        OAuthToken atLimit = token(user, "at").toBuilder().accessToken(secret).refreshToken(secret)
                .grantToken(secret).clientSecret(secret).build();

        OAuthToken saved = store.saveToken(atLimit);

        assertThat(store.findToken(OAuthToken.builder().userName(user).build())).contains(saved);
    }

    @Test
    void userNameOverTheLimitIsRefusedClearly() {
        String tooLong = "a".repeat(OAuthToken.MAX_USER_NAME_LENGTH - "@x.de".length() + 1) + "@x.de";

        assertThatThrownBy(() -> store.saveToken(token(tooLong, "at")))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("userName").hasMessageContaining("limit is 320");
        assertThat(rowCount()).isZero();
    }

    @Test
    void tokenOverTheLimitIsRefusedClearly() {
        String tooLong = "t".repeat(OAuthToken.MAX_SECRET_LENGTH + 1);

        assertThatThrownBy(() -> store.saveToken(token("ana@zylker.com", tooLong)))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("accessToken").hasMessageContaining("limit is 4096")
                .hasMessageNotContaining(tooLong);
        assertThat(rowCount()).isZero();
    }
}
