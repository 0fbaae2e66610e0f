package com.zylker.portal.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionReadinessTest {

    @Test
    void realZohoSettingsPass() {
        assertThat(ProductionReadiness.problems(config(production()))).isEmpty();
    }

    @Test
    void theDemoDefaultsAreRefusedOneSettingAtATime() {
        Map<String, String> demo = production();
        demo.put("zoho.client-id", "1000.ZYLKERDEMO");
        demo.put("zoho.client-secret", "zylker-sandbox-demo-secret");
        demo.put("zoho.dc.eu.accounts-url", "http://localhost:8080/zoho-sandbox/accounts/eu");
        demo.remove("portal.crypto.keys");
        demo.remove("portal.faces.state-key");
        demo.put("portal.base-url", "http://localhost:8080");

        assertThat(ProductionReadiness.problems(config(demo)))
                .hasSize(6)
                .anyMatch(p -> p.startsWith("zoho.client-id (ZOHO_CLIENT_ID)"))
                .anyMatch(p -> p.startsWith("zoho.client-secret (ZOHO_CLIENT_SECRET)"))
                .anyMatch(p -> p.startsWith("zoho.dc.eu.accounts-url (ZOHO_DC_EU_ACCOUNTS_URL)"))
                .anyMatch(p -> p.startsWith("portal.crypto.keys"))
                .anyMatch(p -> p.startsWith("portal.faces.state-key"))
                .anyMatch(p -> p.startsWith("portal.base-url"))
                .noneMatch(p -> p.contains("zylker-sandbox-demo-secret"));
    }

    @Test
    void lookalikeAndLoopbackHostsAreNotZoho() {
        assertThat(ProductionReadiness.isRealZoho("https://accounts.zoho.com")).isTrue();
        assertThat(ProductionReadiness.isRealZoho("https://accounts.zohocloud.ca")).isTrue();
        assertThat(ProductionReadiness.isRealZoho("http://accounts.zoho.com")).isFalse();
        assertThat(ProductionReadiness.isRealZoho("https://127.0.0.1/zoho-sandbox/accounts/com")).isFalse();
        assertThat(ProductionReadiness.isRealZoho("https://evil.example/accounts.zoho.com")).isFalse();
        assertThat(ProductionReadiness.isRealZoho("https://accounts.zoho.com.evil.example")).isFalse();
        assertThat(ProductionReadiness.isRealZoho("https://accounts.zoho.evil.example")).isFalse();
        assertThat(ProductionReadiness.isRealZoho("https://www.zohoapis.eu")).isTrue();
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertThat(ProductionReadiness.envName("zoho.dc.com.au.api-url")).isEqualTo("ZOHO_DC_COM_AU_API_URL");
    }

    private static Map<String, String> production() {
        Map<String, String> values = new HashMap<>();
        values.put("portal.mode", "production");
        values.put("portal.base-url", "https://portal.zylkeracademy.com");
        values.put("portal.crypto.keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        values.put("portal.faces.state-key", "configured");
        values.put("zoho.client-id", "1000.REALCLIENT");
        values.put("zoho.client-secret", "configured-elsewhere");
        values.put("zoho.dcs", "com,eu");
        values.put("zoho.dc.com.accounts-url", "https://accounts.zoho.com");
        values.put("zoho.dc.com.api-url", "https://www.zohoapis.com");
        values.put("zoho.dc.eu.accounts-url", "https://accounts.zoho.eu");
        values.put("zoho.dc.eu.api-url", "https://www.zohoapis.eu");
        return values;
    }

    private static PortalConfig config(Map<String, String> values) {
        return new PortalConfig(null) {
            @Override
            public Optional<String> optionalValue(String key) {
                return Optional.ofNullable(values.get(key)).filter(s -> !s.isBlank());
            }

            @Override
            public Optional<String> cryptoKeys() {
                return optionalValue("portal.crypto.keys");
            }

            @Override
            public String mode() {
                return values.getOrDefault("portal.mode", "demo");
            }
        };
    }
}
