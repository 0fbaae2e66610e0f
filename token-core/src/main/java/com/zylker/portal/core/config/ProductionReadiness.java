package com.zylker.portal.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What stops the portal from running in production mode: settings that only make sense in the demo (sandbox
 * URLs, the sandbox's demo client, generated keys) or that production cannot do without. Each problem is a
 * sentence saying which setting to change; nothing here ever contains a secret's value.
 *
 * <pre>{@code
 * List<String> problems = ProductionReadiness.problems(config);
 * }</pre>
 */
public final class ProductionReadiness {

    static final String SANDBOX_CLIENT_ID = "1000.ZYLKERDEMO";
    static final String SANDBOX_CLIENT_SECRET = "zylker-sandbox-demo-secret";
    /** Zoho's accounts servers and API domains, exactly (ZOHO-FACTS.md): no look-alike passes. */
    private static final java.util.regex.Pattern ZOHO_HOSTS = java.util.regex.Pattern.compile(
            "accounts\\.zoho\\.(com|eu|in|com\\.au|jp|uk|sa|com\\.cn)|accounts\\.zohocloud\\.ca"
                    + "|www\\.zohoapis\\.(com|eu|in|com\\.au|jp|uk|sa|ca|com\\.cn)");

    /** The sandbox's demo users (zoho-sandbox's README): none of them is anybody's admin in production. */
    static final Set<String> SANDBOX_USERS = Set.of("priya.raman@zylkeracademy.com", "daniel.brooks@zylkeracademy.com",
            "aisha.khan@zylkeracademy.com", "lukas.schneider@zylkeracademy.eu", "noah.williams@zylkeracademy.com",
            "oscar.vance@northwind-tutors.example");
    /** Zoho CRM's web UI per data centre, for "Open in Zoho CRM" links. */
    private static final java.util.regex.Pattern ZOHO_CRM_UI = java.util.regex.Pattern.compile(
            "crm\\.zoho\\.(com|eu|in|com\\.au|jp|uk|sa|com\\.cn)|crm\\.zohocloud\\.ca");

    private ProductionReadiness() {
    }

    /**
     * Everything production refuses, including the database the server's {@code jdbc/portal} pool really
     * points at ({@code jdbcUrl}, from the connection's metadata; empty when it could not be read).
     */
    public static List<String> problems(PortalConfig config, Optional<String> jdbcUrl) {
        List<String> problems = problems(config);
        if (jdbcUrl.isEmpty() || jdbcUrl.get().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            problems.add("the database is the embedded H2 demo database" + (jdbcUrl.isEmpty() ? " (or unreadable)" : "")
                    + ": set portal.db.url (PORTAL_DB_URL), .user and .password to the production MySQL");
        }
        return problems;
    }

    /** What demo mode refuses: it runs the sandbox and generated keys, so it must never face a network. */
    public static List<String> demoProblems(PortalConfig config) {
        String baseUrl = config.optionalValue("portal.base-url").orElse("");
        if (!isLoopback(baseUrl)) {
            return List.of("portal.mode=demo serves only a loopback address (http://localhost:<port>); portal.base-url"
                    + " (PORTAL_BASE_URL) is not one. Set PORTAL_MODE=production for a public address.");
        }
        return List.of();
    }

    public static List<String> problems(PortalConfig config) {
        List<String> problems = new ArrayList<>();
        Optional<String> clientId = config.optionalValue("zoho.client-id");
        if (clientId.isEmpty() || SANDBOX_CLIENT_ID.equals(clientId.get())) {
            problems.add("zoho.client-id (ZOHO_CLIENT_ID) must be the portal's own Zoho client, not the sandbox's demo client");
        }
        Optional<String> secret = config.optionalValue("zoho.client-secret");
        if (secret.isEmpty() || SANDBOX_CLIENT_SECRET.equals(secret.get())) {
            problems.add("zoho.client-secret (ZOHO_CLIENT_SECRET) must be set to the Zoho client's secret");
        }
        if (config.cryptoKeys().isEmpty()) {
            problems.add("portal.crypto.keys (PORTAL_CRYPTO_KEYS) must be set: production never generates its own key");
        }
        if (config.optionalValue("portal.faces.state-key").isEmpty()) {
            problems.add("portal.faces.state-key (PORTAL_FACES_STATE_KEY) must be set, the same on every node");
        }
        String baseUrl = config.optionalValue("portal.base-url").orElse("");
        if (!baseUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("portal.base-url (PORTAL_BASE_URL) must be the portal's public https:// address");
        }
        List<String> dcs = config.optionalValue("zoho.dcs").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        if (dcs.isEmpty()) {
            problems.add("zoho.dcs (ZOHO_DCS) must list the Zoho data centres to offer");
        }
        for (String dc : dcs) {
            for (String kind : List.of("accounts-url", "api-url")) {
                String key = "zoho.dc." + dc + "." + kind;
                Optional<String> url = config.optionalValue(key);
                if (url.isEmpty() || !isRealZoho(url.get())) {
                    problems.add(key + " (" + envName(key) + ") must be Zoho's https address for data centre " + dc
                            + ", not the sandbox or a local address");
                }
            }
        }
        for (String dc : dcs) {
            String key = "zoho.dc." + dc + ".crm-url";
            Optional<String> url = config.optionalValue(key);
            if (url.isEmpty() || !isHttpsHost(url.get(), ZOHO_CRM_UI)) {
                problems.add(key + " (" + envName(key) + ") must be Zoho CRM's web address for data centre " + dc
                        + " (e.g. https://crm.zoho." + ("ca".equals(dc) ? "zohocloud.ca" : dc) + "), not the sandbox's record pages");
            }
        }
        String redirect = config.optionalValue("zoho.redirect-uri").orElse("");
        if (!redirect.equals(stripSlash(baseUrl) + "/oauth/callback")) {
            problems.add("zoho.redirect-uri (ZOHO_REDIRECT_URI) must be portal.base-url + /oauth/callback, as registered at Zoho");
        }
        for (String name : config.propertyNames()) {
            if (envName(name).startsWith("PORTAL_TEST_")) {
                problems.add(name + " is a test-only setting: remove it (and its environment variable " + envName(name) + ")");
            }
        }
        List<String> sandboxAdmins = Arrays.stream(config.optionalValue("portal.admins").orElse("").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(SANDBOX_USERS::contains).sorted().toList();
        if (!sandboxAdmins.isEmpty()) {
            problems.add("portal.admins (PORTAL_ADMINS) names the sandbox's demo users " + sandboxAdmins
                    + ": list the organisation's own admins");
        }
        // The bundled default names the sandbox's domains: production must say whom it admits itself.
        if (config.explicitValue("portal.sign-in.allowed-domains").isEmpty() && config.explicitValue("zoho.crm.org-id").isEmpty()) {
            problems.add("sign-in is open to any Zoho account (or only the demo's default domains): set"
                    + " portal.sign-in.allowed-domains (PORTAL_SIGN_IN_ALLOWED_DOMAINS) or zoho.crm.org-id (ZOHO_CRM_ORG_ID)");
        }
        return problems;
    }

    static boolean isLoopback(String url) {
        try {
            URI uri = URI.create(url.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpsHost(String url, java.util.regex.Pattern hosts) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme()) && hosts.matcher(host).matches()
                    && uri.getPort() == -1 && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** https on a public Zoho host: never the sandbox's path, never loopback. */
    static boolean isRealZoho(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme()) && ZOHO_HOSTS.matcher(host).matches()
                    && uri.getPort() == -1 && uri.getUserInfo() == null
                    && (uri.getPath() == null || !uri.getPath().contains("zoho-sandbox"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
