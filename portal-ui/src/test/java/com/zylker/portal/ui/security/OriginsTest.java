package com.zylker.portal.ui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginsTest {

    private static final String PORTAL = "http://localhost:8080";

    @Test
    void theConfiguredOriginIsAllowed() {
        assertTrue(Origins.allows("http://localhost:8080", "same-origin", PORTAL));
        assertTrue(Origins.allows("HTTP://LOCALHOST:8080", null, PORTAL + "/"));
        assertTrue(Origins.allows("https://portal.example.org", null, "https://portal.example.org:443"));
    }

    @Test
    void anotherOriginIsRefusedWhateverTheOtherHeaderSays() {
        assertFalse(Origins.allows("https://evil.example", "cross-site", PORTAL));
        assertFalse(Origins.allows("http://localhost:8081", "same-origin", PORTAL));
        assertFalse(Origins.allows("https://localhost:8080", null, PORTAL));
        assertFalse(Origins.allows("null", null, PORTAL));
        assertFalse(Origins.allows("not a url", null, PORTAL));
    }

    @Test
    void withoutOriginTheFetchMetadataDecides() {
        assertTrue(Origins.allows(null, "same-origin", PORTAL));
        assertTrue(Origins.allows(null, "none", PORTAL));
        assertFalse(Origins.allows(null, "same-site", PORTAL));
        assertFalse(Origins.allows(null, "cross-site", PORTAL));
    }

    @Test
    void aRequestFromNoBrowserPagePasses() {
        assertTrue(Origins.allows(null, null, PORTAL));
    }
}
