package com.zylker.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The zoho-sandbox's control API, so that each test starts from the sandbox's initial state. */
public final class SandboxControl {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    SandboxControl(URI base) {
        this.base = base;
    }

    public void reset() {
        post("control/reset", "{}");
    }

    /** The raw JSON of {@code GET /control/counters}. */
    public String counters() {
        return send(HttpRequest.newBuilder(base.resolve("control/counters")).GET());
    }

    /** One counter: {@code family} is e.g. {@code refreshes}, {@code key} a data centre or, for
     *  {@code refreshes_by_user}, an email; absent counts as 0. */
    public long counter(String family, String key) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(counters()))) {
            jakarta.json.JsonObject all = reader.readObject();
            jakarta.json.JsonObject group = all.getJsonObject(family);
            if (group == null || !group.containsKey(key)) {
                return 0;
            }
            return group.getJsonNumber(key).longValue();
        }
    }

    /** How often a user called one endpoint, e.g. {@code "POST /crm/v8/coql"}; absent counts as 0. */
    public long userCalls(String email, String methodAndPath) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(counters()))) {
            jakarta.json.JsonObject byUser = reader.readObject().getJsonObject("calls_by_user_path");
            jakarta.json.JsonObject paths = byUser == null ? null : byUser.getJsonObject(email);
            return paths == null || !paths.containsKey(methodAndPath) ? 0 : paths.getJsonNumber(methodAndPath).longValue();
        }
    }

    /** All CRM calls of a user; absent counts as 0. */
    public long userCrmCalls(String email) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(counters()))) {
            jakarta.json.JsonObject byUser = reader.readObject().getJsonObject("calls_by_user");
            jakarta.json.JsonObject products = byUser == null ? null : byUser.getJsonObject(email);
            return products == null || !products.containsKey("crm") ? 0 : products.getJsonNumber("crm").longValue();
        }
    }

    public void withholdScope(String email, String scope) {
        post("control/withhold-scope", "{\"email\": \"" + email + "\", \"scope\": \"" + scope + "\"}");
    }

    public void tokenLifetime(int seconds) {
        post("control/token-lifetime", "{\"seconds\": " + seconds + "}");
    }

    public void advanceClock(int seconds) {
        post("control/clock", "{\"advance_seconds\": " + seconds + "}");
    }

    public void fault(String family, int status, int delayMillis, int times) {
        post("control/faults", "{\"family\": \"" + family + "\", \"status\": " + status + ", \"delay_ms\": "
                + delayMillis + ", \"times\": " + times + "}");
    }

    public void clearFaults() {
        send(HttpRequest.newBuilder(base.resolve("control/faults")).DELETE());
    }

    /** The raw JSON of a control GET, e.g. {@code control/tokens}. */
    public String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public String post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
