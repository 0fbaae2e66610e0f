package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's metrics after a browser journey (sign-in, dashboard, board, leads, invoices, a token renewal),
 * read from Payara's {@code /metrics?scope=application} and asserted: token refreshes by outcome, Zoho calls by
 * product, endpoint and outcome with their latency, active sessions, the purge counter.
 */
@ExtendWith({Browser.class, WholePortal.class})
class MetricsBrowserIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metricsCountWhatABrowserJourneyDid(WebDriver browser, RunningPortal portal) {
        portal.sandbox().reset();
        String before = metrics(portal);
        browser.manage().deleteAllCookies();
        browser.get(portal.url("/login").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-priya-raman"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
        browser.get(portal.url("/crm/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("crm-title")));
        portal.sandbox().advanceClock(3700); // the access token is dead at Zoho: the next page renews it
        browser.get(portal.url("/crm/leads").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("zy-user-name")));
        browser.get(portal.url("/books/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("books-title")));

        // Every cookie the pages set, the container's JSESSIONID (Faces creates one) included, is out of scripts' reach.
        assertThat(browser.manage().getCookies()).as("cookies on /books/").isNotEmpty()
                .allMatch(org.openqa.selenium.Cookie::isHttpOnly);

        String after = metrics(portal);
        for (int i = 0; i < 20 && sum(after, "portal_sessions_active", "") < 1; i++) {
            sleep(1000); // the gauge reads the database at most every 5 s
            after = metrics(portal);
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-after-journey.txt"), after);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(sum(after, "portal_token_refreshes_total", "outcome=\"ok\"")
                - sum(before, "portal_token_refreshes_total", "outcome=\"ok\"")).as("refreshes ok").isGreaterThanOrEqualTo(1);
        assertThat(after).contains("portal_token_refreshes_total").contains("outcome=\"failed\"").contains("outcome=\"refused\"");
        assertThat(sum(after, "portal_zoho_calls_count", "product=\"crm\"")
                - sum(before, "portal_zoho_calls_count", "product=\"crm\"")).as("CRM calls").isGreaterThanOrEqualTo(2);
        assertThat(sum(after, "portal_zoho_calls_count", "outcome=\"401\"")).as("the dead token's rejection")
                .isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "portal_zoho_calls_sum", "product=\"crm\"")).as("latency summed").isPositive();
        assertThat(after).contains("endpoint=\"");
        assertThat(sum(after, "portal_sessions_active", "")).as("active sessions").isGreaterThanOrEqualTo(1);
        assertThat(after).contains("portal_purge_runs_total");
        // The shared pool, from Payara's pool monitoring (a gauge reads the same in every WAR's line: max).
        assertThat(max(after, "portal_pool_acquired", "") - max(before, "portal_pool_acquired", ""))
                .as("pool connections handed out during the journey").isPositive();
        assertThat(max(after, "portal_pool_connections", "state=\"used\"")).as("in use now").isNotNegative();
        assertThat(max(after, "portal_pool_connections", "state=\"free\"")).as("idle now").isNotNegative();
        assertThat(max(after, "portal_pool_connections_used_peak", "")).as("peak use").isGreaterThanOrEqualTo(1);
        assertThat(max(after, "portal_pool_waiting_requests", "")).as("waiting now").isNotNegative();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String metrics(RunningPortal portal) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(portal.url("/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a metric's samples whose labels contain {@code label} (Prometheus text format). */
    static double sum(String text, String name, String label) {
        return samples(text, name, label).sum();
    }

    /** The largest of a metric's samples whose labels contain {@code label}; fails when there is none. */
    static double max(String text, String name, String label) {
        return samples(text, name, label).max()
                .orElseThrow(() -> new AssertionError("no sample of " + name + " " + label + " in\n" + text));
    }

    private static java.util.stream.DoubleStream samples(String text, String name, String label) {
        java.util.stream.DoubleStream.Builder values = java.util.stream.DoubleStream.builder();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
                if (labels.contains(label)) {
                    String[] parts = line.trim().split("\\s+");
                    values.add(Double.parseDouble(parts[parts.length - 1]));
                }
            }
        }
        return values.build();
    }
}
