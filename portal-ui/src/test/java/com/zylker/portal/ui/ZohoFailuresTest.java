package com.zylker.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.access.SignInEndedException;
import com.zylker.portal.core.access.ZohoUnavailableException;
import com.zylker.portal.core.token.TokenStoreException;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ZohoFailuresTest {

    private static ZohoApiException api(Kind kind) {
        return new ZohoApiException(kind, "SOME_CODE", "Zoho's own text with internals", kind == Kind.RATE_LIMITED
                ? Duration.ofSeconds(30) : null, 400, null);
    }

    @Test
    void aRefusedRefreshSendsTheUserToSignIn() {
        ZohoFailure failure = ZohoFailures.of(new SignInEndedException("refresh refused")).orElseThrow();

        assertEquals(401, failure.status());
        assertEquals("signin-ended", failure.error());
        assertEquals(ZohoFailure.Next.SIGN_IN, failure.next());
        assertTrue(failure.message().contains("Your Zoho sign-in has ended"));
    }

    @Test
    void aScopeMismatchAsksToSignInAgainWithConsent() {
        ZohoFailure failure = ZohoFailures.of(api(Kind.SCOPE_MISMATCH)).orElseThrow();

        assertEquals(403, failure.status());
        assertEquals("zoho-scope", failure.error());
        assertEquals(ZohoFailure.Next.SIGN_IN_AGAIN, failure.next());
    }

    @Test
    void rateLimitingSaysHowLongToWait() {
        ZohoFailure failure = ZohoFailures.of(api(Kind.RATE_LIMITED)).orElseThrow();

        assertEquals("zoho-busy", failure.error());
        assertEquals(Duration.ofSeconds(30), failure.retryAfter());
        assertEquals("Zoho is busy — please retry in 30 s.", failure.message());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindHasWordsAndNoneLeaksZohosOwnText(Kind kind) {
        ZohoFailure failure = ZohoFailures.of(api(kind)).orElseThrow();

        assertFalse(failure.message().isBlank());
        assertFalse(failure.message().contains("internals"), () -> kind + " shows Zoho's raw message");
        assertTrue(failure.status() >= 400);
    }

    @Test
    void aPassingOutageOffersARetryWithItsOwnWords() {
        ZohoFailure failure = ZohoFailures.of(new ZohoUnavailableException("Zoho is slow — retry", Duration.ofSeconds(5), null))
                .orElseThrow();

        assertEquals(503, failure.status());
        assertEquals("Zoho is slow — retry", failure.message());
        assertEquals(ZohoFailure.Next.RETRY, failure.next());
    }

    @Test
    void aFailureWrappedByTheContainerIsStillRecognised() {
        RuntimeException wrapped = new IllegalStateException("EL wrapper", new TokenStoreException("db down"));

        ZohoFailure failure = ZohoFailures.of(wrapped).orElseThrow();

        assertEquals("portal-unavailable", failure.error());
    }

    @Test
    void otherFailuresAreNotZohos() {
        assertTrue(ZohoFailures.of(new NullPointerException()).isEmpty());
    }
}
