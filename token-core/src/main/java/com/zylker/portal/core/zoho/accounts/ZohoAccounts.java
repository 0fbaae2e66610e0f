package com.zylker.portal.core.zoho.accounts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data-centre table from configuration, and the only authority on which accounts servers and API domains
 * the portal talks to.
 *
 * <p>The OAuth callback names its accounts server in a browser-supplied parameter; exchanging the code (with
 * the client secret) at a host an attacker names would leak both. {@link #byAccountsServer(String)} therefore
 * accepts a value only when it equals a configured accounts URL after a strict normalisation (scheme and host
 * lower-case, default port dropped, trailing slash dropped) and rejects user info, query, fragment and dot
 * segments outright rather than resolving them.
 *
 * <pre>{@code
 * ZohoDataCentre dc = accounts.byAccountsServer(request.getParameter("accounts-server"))
 *         .orElseThrow(() -> new BadRequestException("unknown accounts server"));
 * }</pre>
 */
public final class ZohoAccounts {

    private static final int MAX_URL_LENGTH = 2048;

    private final List<ZohoDataCentre> dataCentres;
    private final ZohoDataCentre defaultDc;
    private final Map<String, ZohoDataCentre> byAccounts = new LinkedHashMap<>();
    private final Map<String, ZohoDataCentre> byApi = new LinkedHashMap<>();

    public ZohoAccounts(List<ZohoDataCentre> dataCentres, String defaultDcId) {
        if (dataCentres == null || dataCentres.isEmpty()) {
            throw new IllegalArgumentException("at least one Zoho data centre must be configured");
        }
        this.dataCentres = List.copyOf(dataCentres);
        Map<String, ZohoDataCentre> ids = new LinkedHashMap<>();
        for (ZohoDataCentre dc : this.dataCentres) {
            if (ids.put(key(dc.id()), dc) != null) {
                throw new IllegalArgumentException("data centre configured twice: " + dc.id());
            }
            String accounts = normalise(dc.accountsUrl()).orElseThrow(() ->
                    new IllegalArgumentException("data centre " + dc.id() + ": unusable accounts URL"));
            String api = normalise(dc.apiUrl()).orElseThrow(() ->
                    new IllegalArgumentException("data centre " + dc.id() + ": unusable API URL"));
            if (byAccounts.put(accounts, dc) != null) {
                throw new IllegalArgumentException("two data centres share the accounts URL " + accounts);
            }
            if (byApi.put(api, dc) != null) {
                throw new IllegalArgumentException("two data centres share the API URL " + api);
            }
        }
        this.defaultDc = defaultDcId == null ? null : ids.get(key(defaultDcId));
        if (defaultDc == null) {
            throw new IllegalArgumentException("default data centre '" + defaultDcId + "' is not configured");
        }
    }

    public ZohoDataCentre defaultDc() {
        return defaultDc;
    }

    /** The data centre with this id ({@code com}, {@code eu}, …), ignoring case. */
    public Optional<ZohoDataCentre> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String k = key(id);
        return dataCentres.stream().filter(dc -> key(dc.id()).equals(k)).findFirst();
    }

    /** The data centre whose accounts URL this is (the callback's {@code accounts-server}); else empty. */
    public Optional<ZohoDataCentre> byAccountsServer(String accountsServer) {
        return parse(accountsServer).flatMap(ZohoAccounts::normalise).map(byAccounts::get);
    }

    /** The data centre whose API URL this is (a token response's {@code api_domain}); else empty. */
    public Optional<ZohoDataCentre> byApiDomain(String apiDomain) {
        return parse(apiDomain).flatMap(ZohoAccounts::normalise).map(byApi::get);
    }

    public List<ZohoDataCentre> all() {
        return dataCentres;
    }

    private static Optional<URI> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(value));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Canonical text of an http(s) base URL, or empty for anything that is not a plain one. */
    static Optional<String> normalise(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (scheme.equals("http")) {
            port = port == 80 ? -1 : port;
        } else if (scheme.equals("https")) {
            port = port == 443 ? -1 : port;
        } else {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        if (path.contains("//")) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (port == -1 ? "" : ":" + port) + path);
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ZohoAccounts" + dataCentres.stream().map(ZohoDataCentre::id).toList() + ", default " + defaultDc.id();
    }
}
