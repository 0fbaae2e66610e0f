package com.zylker.portal.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    private ProductionReadiness() {
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
        return problems;
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
