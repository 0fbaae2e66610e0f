package com.zylker.portal.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final String KEY = "dGVzdC1vbmx5LWZhY2VzLXN0YXRlLWtleS0zMmJ5dGU=";
    private static final String OTHER_KEY = "b3RoZXItZmFjZXMtc3RhdGUta2V5LTMyLWJ5dGVzLi4=";

    @Test
    void twoNodesWithTheSameKeyMakeTheSameTokenForACookie() {
        assertEquals(new CsrfTokens(KEY).tokenFor("cookie-1"), new CsrfTokens(KEY).tokenFor("cookie-1"));
        assertTrue(new CsrfTokens(KEY).matches("cookie-1", new CsrfTokens(KEY).tokenFor("cookie-1")));
    }

    @Test
    void anotherSessionOrKeyGivesAnotherToken() {
        CsrfTokens tokens = new CsrfTokens(KEY);

        assertNotEquals(tokens.tokenFor("cookie-1"), tokens.tokenFor("cookie-2"));
        assertFalse(tokens.matches("cookie-2", tokens.tokenFor("cookie-1")));
        assertFalse(new CsrfTokens(OTHER_KEY).matches("cookie-1", tokens.tokenFor("cookie-1")));
    }

    @Test
    void theTokenIsNeitherTheCookieNorEmptyAndAMissingOneNeverMatches() {
        CsrfTokens tokens = new CsrfTokens(KEY);

        assertFalse(tokens.tokenFor("cookie-1").contains("cookie-1"));
        assertEquals(43, tokens.tokenFor("cookie-1").length());
        assertFalse(tokens.matches("cookie-1", null));
        assertFalse(tokens.matches("cookie-1", ""));
    }
}
