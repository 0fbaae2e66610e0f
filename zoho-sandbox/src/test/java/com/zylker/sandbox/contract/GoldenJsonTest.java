package com.zylker.sandbox.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract tests are only as good as this comparison: it must reject what Zoho would not send. */
class GoldenJsonTest {

    private static final String BASE = "http://localhost:1234/zoho-sandbox";

    @Test
    void acceptsAMatchingTokenResponse() {
        String actual = "{\"access_token\":\"1000.ab.cd\",\"api_domain\":\"" + BASE
                + "/api/com\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

        assertThat(GoldenJson.mismatches("token-success-refresh.json", actual, BASE)).isEmpty();
    }

    @Test
    void rejectsWrongApiDomainExtraKeysAndWrongTypes() {
        String actual = "{\"access_token\":\"abc\",\"api_domain\":\"" + BASE
                + "/api/eu\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"scope\":\"x\"}";

        assertThat(GoldenJson.mismatches("token-success-refresh.json", actual, BASE))
                .hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("access_token"))
                .anySatisfy(m -> assertThat(m).contains("api_domain"))
                .anySatisfy(m -> assertThat(m).contains("expires_in"))
                .anySatisfy(m -> assertThat(m).contains("unexpected keys"));
    }

    @Test
    void arrayTemplateAppliesToEveryElement() {
        String actual = "{\"users\":[{\"id\":\"1\",\"email\":\"priya.raman@zylkeracademy.com\",\"x\":1},"
                + "{\"id\":2,\"email\":\"someone@else\"}],\"info\":{}}";

        assertThat(GoldenJson.mismatches("crm-users-current-priya.json", actual, BASE)).hasSize(2);
    }
}
