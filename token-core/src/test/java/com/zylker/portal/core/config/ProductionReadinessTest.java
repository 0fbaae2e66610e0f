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
                .hasSize(7)
                .anyMatch(p -> p.startsWith("zoho.redirect-uri (ZOHO_REDIRECT_URI)"))
                .anyMatch(p -> p.startsWith("zoho.client-id (ZOHO_CLIENT_ID)"))
                .anyMatch(p -> p.startsWith("zoho.client-secret (ZOHO_CLIENT_SECRET)"))
                .anyMatch(p -> p.startsWith("zoho.dc.eu.accounts-url (ZOHO_DC_EU_ACCOUNTS_URL)"))
                .anyMatch(p -> p.startsWith("portal.crypto.keys"))
                .anyMatch(p -> p.startsWith("portal.faces.state-key"))
                .anyMatch(p -> p.startsWith("portal.base-url"))
                .noneMatch(p -> p.contains("zylker-sandbox-demo-secret"));
    }

    private static final Optional<String> MYSQL = Optional.of("jdbc:mysql://db:3306/portal");

    @Test
    void realZohoOnMySqlPasses() {
        assertThat(ProductionReadiness.problems(config(production()), MYSQL)).isEmpty();
    }

    @Test
    void theEmbeddedH2DatabaseIsRefused() {
        assertThat(ProductionReadiness.problems(config(production()), Optional.of("jdbc:h2:file:/var/portal;MODE=MySQL")))
                .singleElement().asString().startsWith("the database is the embedded H2 demo database");
        assertThat(ProductionReadiness.problems(config(production()), Optional.empty())).hasSize(1);
    }

    @Test
    void anyTestKeyIsRefusedWhateverItsSource() {
        Map<String, String> values = production();
        values.put("portal.test.clock-offset", "PT1H");
        values.put("PORTAL_TEST_DISABLE_REFRESH_LOCK", "true");
        assertThat(ProductionReadiness.problems(config(values), MYSQL)).hasSize(2)
                .anyMatch(p -> p.startsWith("portal.test.clock-offset is a test-only setting"))
                .anyMatch(p -> p.startsWith("PORTAL_TEST_DISABLE_REFRESH_LOCK is a test-only setting"));
    }

    @Test
    void theSandboxsAdminsAndDemoUrlsAreRefused() {
        Map<String, String> values = production();
        values.put("portal.admins", "it.admin@zylker.example, Aisha.Khan@zylkeracademy.com");
        values.put("zoho.dc.com.crm-url", "http://localhost:8080/zoho-sandbox/crm-ui/com");
        values.put("zoho.redirect-uri", "http://localhost:8080/oauth/callback");
        assertThat(ProductionReadiness.problems(config(values), MYSQL)).hasSize(3)
                .anyMatch(p -> p.startsWith("portal.admins (PORTAL_ADMINS) names the sandbox's demo users [aisha.khan@zylkeracademy.com]"))
                .anyMatch(p -> p.startsWith("zoho.dc.com.crm-url (ZOHO_DC_COM_CRM_URL)"))
                .anyMatch(p -> p.startsWith("zoho.redirect-uri (ZOHO_REDIRECT_URI)"));
    }

    @Test
    void signInOpenToAnyZohoAccountIsRefused() {
        Map<String, String> values = production();
        values.remove("portal.sign-in.allowed-domains");
        assertThat(ProductionReadiness.problems(config(values), MYSQL)).singleElement().asString()
                .startsWith("sign-in is open to any Zoho account");
        values.put("zoho.crm.org-id", "7000001");
        assertThat(ProductionReadiness.problems(config(values), MYSQL)).isEmpty();
    }

    @Test
    void demoModeServesOnlyLoopback() {
        Map<String, String> values = new HashMap<>();
        values.put("portal.base-url", "http://localhost:8080");
        assertThat(ProductionReadiness.demoProblems(config(values))).isEmpty();
        values.put("portal.base-url", "http://127.0.0.1:8080");
        assertThat(ProductionReadiness.demoProblems(config(values))).isEmpty();
        values.put("portal.base-url", "https://portal.zylkeracademy.com");
        assertThat(ProductionReadiness.demoProblems(config(values))).singleElement().asString()
                .startsWith("portal.mode=demo serves only a loopback address");
        values.put("portal.base-url", "http://localhost.evil.example:8080");
        assertThat(ProductionReadiness.demoProblems(config(values))).hasSize(1);
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
        values.put("zoho.dc.com.crm-url", "https://crm.zoho.com");
        values.put("zoho.dc.eu.crm-url", "https://crm.zoho.eu");
        values.put("zoho.redirect-uri", "https://portal.zylkeracademy.com/oauth/callback");
        values.put("portal.admins", "it.admin@zylker.example");
        values.put("portal.sign-in.allowed-domains", "zylker.example");
        return values;
    }

    private static PortalConfig config(Map<String, String> values) {
        return new PortalConfig(null) {
            @Override
            public Optional<String> optionalValue(String key) {
                return Optional.ofNullable(values.get(key)).filter(s -> !s.isBlank());
            }

            @Override
            public Optional<String> explicitValue(String key) {
                return optionalValue(key);
            }

            @Override
            public Optional<String> cryptoKeys() {
                return optionalValue("portal.crypto.keys");
            }

            @Override
            public Iterable<String> propertyNames() {
                return values.keySet();
            }

            @Override
            public String mode() {
                return values.getOrDefault("portal.mode", "demo");
            }
        };
    }
}
