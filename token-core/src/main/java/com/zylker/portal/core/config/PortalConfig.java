package com.zylker.portal.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's settings in one typed place, read through MicroProfile Config so that every key can be
 * overridden by a system property or an environment variable ({@code portal.db.url} → {@code PORTAL_DB_URL}).
 * Defaults for the demo live in {@code META-INF/microprofile-config.properties}; ARCHITECTURE.md lists the keys.
 */
@ApplicationScoped
public class PortalConfig {

    /** The ordinal of every {@code META-INF/microprofile-config.properties} (MicroProfile Config's default). */
    static final int BUNDLED_DEFAULTS_ORDINAL = 100;

    private final Config config;

    public PortalConfig() {
        this(ConfigProvider.getConfig(PortalConfig.class.getClassLoader()));
    }

    public PortalConfig(Config config) {
        this.config = config;
    }

    /** {@code demo} or {@code production}. */
    public String mode() {
        return config.getOptionalValue("portal.mode", String.class).orElse("demo").trim().toLowerCase(Locale.ROOT);
    }

    public boolean isProduction() {
        return "production".equals(mode());
    }

    /** Where the embedded database and the generated demo keys live. */
    public Path dataDirectory() {
        return Path.of(config.getOptionalValue("portal.data-dir", String.class)
                .orElse(System.getProperty("user.home") + "/.zylker-portal"));
    }

    public Optional<String> cryptoKeys() {
        return config.getOptionalValue("portal.crypto.keys", String.class).filter(s -> !s.isBlank());
    }

    public Optional<String> cryptoActiveKey() {
        return config.getOptionalValue("portal.crypto.active-key", String.class).filter(s -> !s.isBlank());
    }

    /** Lower-cased emails of the people with the admin role. */
    public Set<String> admins() {
        return config.getOptionalValue("portal.admins", String.class).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Lower-cased email domains whose people may sign in ({@code portal.sign-in.allowed-domains}). */
    public Set<String> allowedSignInDomains() {
        // Production admits only whom this installation names: the bundled demo domains never count there.
        String key = "portal.sign-in.allowed-domains";
        return (isProduction() ? explicitValue(key) : optionalValue(key)).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .map(s -> s.startsWith("@") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The CRM organization whose users may sign in ({@code zoho.crm.org-id}), if configured. */
    public Optional<String> crmOrgId() {
        return (isProduction() ? explicitValue("zoho.crm.org-id") : optionalValue("zoho.crm.org-id")).map(String::strip);
    }

    /** How often the purge runs ({@code portal.purge.interval}, ISO-8601). */
    public java.time.Duration purgeInterval() {
        return java.time.Duration.parse(optionalValue("portal.purge.interval").orElse("PT15M").strip());
    }

    /** How long audit rows are kept ({@code portal.audit.retention}, ISO-8601). */
    public java.time.Duration auditRetention() {
        return java.time.Duration.parse(optionalValue("portal.audit.retention").orElse("P365D").strip());
    }

    /** Every key any config source knows (system properties, environment, properties files). */
    public Iterable<String> propertyNames() {
        return config.getPropertyNames();
    }

    public String value(String key) {
        return config.getValue(key, String.class);
    }

    /**
     * A value set for this installation (system property, environment, a server config source), not the demo
     * default bundled in {@code META-INF/microprofile-config.properties} (ordinal 100): production must not
     * inherit a demo default for a decision such as who may sign in.
     */
    public Optional<String> explicitValue(String key) {
        if (config == null) {
            return optionalValue(key); // a test double that overrides optionalValue
        }
        org.eclipse.microprofile.config.ConfigValue value = config.getConfigValue(key);
        if (value == null || value.getValue() == null || value.getValue().isBlank()
                || value.getSourceOrdinal() <= BUNDLED_DEFAULTS_ORDINAL) {
            return Optional.empty();
        }
        return Optional.of(value.getValue());
    }

    public Optional<String> optionalValue(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }
}
