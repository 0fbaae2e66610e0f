package com.zylker.portal.core.access;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoClientSettings;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.metrics.PortalMetrics;
import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import com.zylker.portal.core.zoho.http.ZohoCallStatistics;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the Zoho adapters from configuration, once per WAR: the data-centre table, the OAuth client of our
 * registered app, and the CRM and Books clients, both on one {@link ZohoApiCalls} that takes each user's token
 * from {@link AccessTokens}; every exchange is counted in one {@link ZohoCallStatistics}. One JDK
 * {@link HttpClient} (its own connection pool) serves them all; every call has its own timeout. The clients
 * are immutable final classes, so they are {@code @Singleton} (no client proxy) rather than application-scoped.
 */
@ApplicationScoped
public class ZohoClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Produces
    @Singleton
    ZohoAccounts zohoAccounts(PortalConfig config) {
        List<ZohoDataCentre> dataCentres = Arrays.stream(config.value("zoho.dcs").split(","))
                .map(String::trim)
                .filter(dc -> !dc.isEmpty())
                .map(dc -> new ZohoDataCentre(dc,
                        URI.create(config.value("zoho.dc." + dc + ".accounts-url")),
                        URI.create(config.value("zoho.dc." + dc + ".api-url"))))
                .toList();
        return new ZohoAccounts(dataCentres, config.value("zoho.default-dc"));
    }

    private final ZohoCallStatistics statistics = new ZohoCallStatistics();

    @Produces
    @Singleton
    ZohoCallStatistics zohoCallStatistics() {
        return statistics;
    }

    @Produces
    @Singleton
    ZohoOAuthClient zohoOAuthClient(PortalConfig config, PortalMetrics metrics) {
        return new ZohoOAuthClient(http, settings(config), observers(metrics));
    }

    @Produces
    @Singleton
    ZohoApiCalls zohoApiCalls(AccessTokens tokens, PortalConfig config, PortalMetrics metrics) {
        return new ZohoApiCalls(http, tokens, requestTimeout(config), observers(metrics));
    }

    /** Every exchange to the in-memory statistics and to the published metrics. */
    private ZohoCallObserver observers(PortalMetrics metrics) {
        return (product, operation, outcome, latency) -> {
            statistics.exchanged(product, operation, outcome, latency);
            metrics.exchanged(product, operation, outcome, latency);
        };
    }

    @Produces
    @Singleton
    ZohoCrmClient zohoCrmClient(ZohoApiCalls calls) {
        return new ZohoCrmClient(calls);
    }

    @Produces
    @Singleton
    ZohoBooksClient zohoBooksClient(ZohoApiCalls calls) {
        return new ZohoBooksClient(calls);
    }

    @Produces
    @Singleton
    ZohoClientSettings settings(PortalConfig config) {
        return new ZohoClientSettings(config.value("zoho.client-id"), config.value("zoho.client-secret"),
                URI.create(config.value("zoho.redirect-uri")),
                Arrays.stream(config.value("zoho.scopes").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                CONNECT_TIMEOUT, requestTimeout(config));
    }

    /** {@code zoho.request-timeout} (ISO-8601, default 15 s): the longest a page waits for one Zoho call. */
    static Duration requestTimeout(PortalConfig config) {
        return Duration.parse(config.optionalValue("zoho.request-timeout").orElse("PT15S"));
    }
}
