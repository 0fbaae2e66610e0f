package com.zylker.portal.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LikePatternsTest {

    @Test
    void wildcardsInTheSearchTextAreEscapedNotDropped() {
        assertThat(LikePatterns.containing("  Priya_Raman ")).isEqualTo("%priya!_raman%");
        assertThat(LikePatterns.containing("100%")).isEqualTo("%100!%%");
        assertThat(LikePatterns.containing("a!b")).isEqualTo("%a!!b%");
        assertThat(LikePatterns.containing("x".repeat(150))).hasSize(102);
    }

    /** The databases read the pattern as meant: an underscore is an underscore, not "any character". */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theDatabaseHonoursTheEscape(TestDatabases.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabases.openOrSkip(kind); Connection c = db.dataSource().getConnection()) {
            assertThat(like(c, "priya_raman@zylkeracademy.com", "priya_raman")).isTrue();
            assertThat(like(c, "priyaxraman@zylkeracademy.com", "priya_raman")).as("_ is not a wildcard").isFalse();
            assertThat(like(c, "fees 100% paid", "100%")).isTrue();
            assertThat(like(c, "fees 1000 paid", "100%")).as("% is not a wildcard").isFalse();
            assertThat(like(c, "a!b", "a!b")).isTrue();
        }
    }

    private static boolean like(Connection c, String value, String search) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT CASE WHEN LOWER(?) LIKE ? ESCAPE '!' THEN 1 ELSE 0 END")) {
            query.setString(1, value);
            query.setString(2, LikePatterns.containing(search));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
