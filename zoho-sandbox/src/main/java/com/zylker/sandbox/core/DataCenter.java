package com.zylker.sandbox.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Zoho data centres the sandbox simulates. Each has its own accounts server, API domain, tokens and org
 * data, exactly as Zoho keeps them apart; the path segment ({@code com}, {@code eu}, …) is Zoho's
 * {@code location} value, so the portal can map a callback's {@code location} straight onto a configured DC.
 */
public enum DataCenter {
    COM("com", "us"),
    EU("eu", "eu"),
    IN("in", "in"),
    COM_AU("com.au", "au"),
    JP("jp", "jp"),
    /** Zoho's Canadian DC lives at zohocloud.ca; its {@code location} value is {@code ca}. */
    CA("ca", "ca"),
    SA("sa", "sa"),
    UK("uk", "uk");

    private final String id;
    private final String serverInfoKey;

    DataCenter(String id, String serverInfoKey) {
        this.id = id;
        this.serverInfoKey = serverInfoKey;
    }

    /** The path segment and the {@code location} value, e.g. {@code com.au}. */
    public String id() {
        return id;
    }

    /** The key Zoho's {@code /oauth/serverinfo} uses for this DC ({@code us} for com). */
    public String serverInfoKey() {
        return serverInfoKey;
    }

    public static Optional<DataCenter> byId(String id) {
        return Arrays.stream(values()).filter(dc -> dc.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DataCenter::id).toList();
    }

    /** {@code <base>/accounts/<dc>}: the accounts server as the portal sees it. */
    public String accountsUrl(String base) {
        return base + "/accounts/" + id;
    }

    /** {@code <base>/api/<dc>}: the API domain returned as {@code api_domain}. */
    public String apiDomain(String base) {
        return base + "/api/" + id;
    }
}
