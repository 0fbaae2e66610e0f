package com.zylker.portal.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.signin.SignInPolicy;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/**
 * Who may sign in, read from configuration as the server reads it: values with the ordinal of their source.
 * The bundled demo default (ordinal 100, token-core's microprofile-config.properties) names the sandbox's
 * domains; in production only what the installation sets itself counts.
 */
class PortalConfigSourcesTest {

    private static final int BUNDLED = 100;
    private static final int ENVIRONMENT = 300;

    @Test
    void productionIgnoresTheBundledDemoDomains() {
        PortalConfig config = new PortalConfig(new FakeConfig(Map.of(
                "portal.mode", new Entry("production", ENVIRONMENT),
                "portal.sign-in.allowed-domains", new Entry("zylkeracademy.com,zylkeracademy.eu", BUNDLED),
                "zoho.crm.org-id", new Entry("8812345000000000001", ENVIRONMENT))));

        assertThat(config.allowedSignInDomains()).isEmpty();
        SignInPolicy policy = SignInPolicy.of(config);
        assertThat(policy.admitsByDomain("priya.raman@zylkeracademy.com")).as("no demo domain in production").isFalse();
        assertThat(policy.checksOrganization()).isTrue();
        assertThat(policy.admitsOrganization("8812345000000000001")).isTrue();
    }

    @Test
    void productionAdmitsTheDomainsItSetsItself() {
        PortalConfig config = new PortalConfig(new FakeConfig(Map.of(
                "portal.mode", new Entry("production", ENVIRONMENT),
                "portal.sign-in.allowed-domains", new Entry("zylkeracademy.com", ENVIRONMENT))));

        assertThat(SignInPolicy.of(config).admitsByDomain("priya.raman@zylkeracademy.com")).isTrue();
        assertThat(SignInPolicy.of(config).admitsByDomain("lukas.schneider@zylkeracademy.eu")).isFalse();
    }

    @Test
    void theDemoUsesItsBundledDomains() {
        PortalConfig config = new PortalConfig(new FakeConfig(Map.of(
                "portal.sign-in.allowed-domains", new Entry("zylkeracademy.com,zylkeracademy.eu", BUNDLED))));

        assertThat(config.allowedSignInDomains()).containsExactlyInAnyOrder("zylkeracademy.com", "zylkeracademy.eu");
        assertThat(SignInPolicy.of(config).admitsByDomain("lukas.schneider@zylkeracademy.eu")).isTrue();
        assertThat(SignInPolicy.of(config).admitsByDomain("oscar.vance@northwind-tutors.example")).isFalse();
    }

    @Test
    void productionReadinessCountsOnlyExplicitRules() {
        PortalConfig bundledOnly = new PortalConfig(new FakeConfig(Map.of(
                "portal.mode", new Entry("production", ENVIRONMENT),
                "portal.sign-in.allowed-domains", new Entry("zylkeracademy.com", BUNDLED))));

        assertThat(bundledOnly.explicitValue("portal.sign-in.allowed-domains")).isEmpty();
        assertThat(ProductionReadiness.problems(bundledOnly)).anyMatch(p -> p.startsWith("sign-in is open to any Zoho account"));
    }

    private record Entry(String value, int ordinal) {
    }

    /** A MicroProfile Config over fixed values, each with its source's ordinal. */
    private record FakeConfig(Map<String, Entry> values) implements Config {

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            Entry entry = values.get(name);
            return new ConfigValue() {
                public String getName() { return name; }
                public String getValue() { return entry == null ? null : entry.value(); }
                public String getRawValue() { return getValue(); }
                public String getSourceName() { return entry == null ? null : "ordinal-" + entry.ordinal(); }
                public int getSourceOrdinal() { return entry == null ? 0 : entry.ordinal(); }
            };
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(e -> type.cast(e.value()));
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }
}
