package com.zylker.portal.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OAuthTokenTest {

    @Test
    void toStringRedactsTokensAndSecret() {
        OAuthToken token = OAuthToken.builder().userName("ana@zylker.com").accessToken("AT-VALUE")
                .refreshToken("RT-VALUE").grantToken("GT-VALUE").clientSecret("SECRET-VALUE").build();

        assertThat(token.toString()).contains("ana@zylker.com")
                .doesNotContain("AT-VALUE", "RT-VALUE", "GT-VALUE", "SECRET-VALUE");
    }

    @Test
    void withCopiesChangeOneField() {
        OAuthToken token = OAuthToken.builder().userName("ana@zylker.com").accessToken("a").build();

        OAuthToken copy = token.withAccessToken("b");

        assertThat(copy).isEqualTo(token.toBuilder().accessToken("b").build());
        assertThat(token.accessToken()).isEqualTo("a");
    }
}
