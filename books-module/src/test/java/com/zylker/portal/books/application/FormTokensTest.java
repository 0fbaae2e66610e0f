package com.zylker.portal.books.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTokensTest {

    @Test
    void markersAreStablePerTokenAndRevealNothingOfIt() {
        String token = FormTokens.newToken();

        assertThat(FormTokens.marker(token)).isEqualTo(FormTokens.marker(token)).matches("ZP-[0-9A-F]{12}")
                .doesNotContainIgnoringCase(token.substring(0, 12));
        assertThat(FormTokens.marker(FormTokens.newToken())).isNotEqualTo(FormTokens.marker(token));
    }

    @Test
    void onlyAnUnansweredCallHasAnUnknownOutcome() {
        assertThat(FormTokens.outcomeUnknown(new com.zylker.portal.core.zoho.ZohoApiException(
                com.zylker.portal.core.zoho.ZohoApiException.Kind.UNAVAILABLE, null, "timeout", null, 0, null))).isTrue();
        assertThat(FormTokens.outcomeUnknown(new com.zylker.portal.core.zoho.ZohoApiException(
                com.zylker.portal.core.zoho.ZohoApiException.Kind.RATE_LIMITED, "45", "busy", null, 429, null))).isFalse();
        assertThat(FormTokens.outcomeUnknown(new com.zylker.portal.core.zoho.ZohoApiException(
                com.zylker.portal.core.zoho.ZohoApiException.Kind.INVALID_REQUEST, "4", "x", null, 400, null))).isFalse();
    }
}
