package com.zylker.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's Books data read as any Books client would, with a user's current access token from the
 * sandbox's (test-only) token list — so a test checks the portal against what Books holds, not against itself.
 * These reads count in the sandbox's counters for that user: measure the portal's calls before reading.
 */
final class SandboxBooks {

    static final String ORG = "810000001";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningPortal portal;
    private final String email;

    SandboxBooks(RunningPortal portal, String email) {
        this.portal = portal;
        this.email = email;
    }

    JsonObject get(String pathAndQuery) {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        return call(pathAndQuery + sep + "organization_id=" + ORG);
    }

    /** A CRM call with the same user's token. */
    JsonObject crm(String pathAndQuery) {
        return call(pathAndQuery);
    }

    private JsonObject call(String pathAndQuery) {
        String token;
        try (JsonReader r = Json.createReader(new StringReader(send(HttpRequest.newBuilder(
                portal.url("/zoho-sandbox/control/tokens")).GET())))) {
            token = r.readObject().getJsonArray("tokens").stream().map(JsonValue::asJsonObject)
                    .filter(t -> "access".equals(t.getString("type")) && email.equals(t.getString("email")))
                    .reduce((a, b) -> b).orElseThrow().getString("token");
        }
        URI uri = URI.create(portal.url("/zoho-sandbox/api/com").toString() + pathAndQuery);
        try (JsonReader r = Json.createReader(new StringReader(send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Zoho-oauthtoken " + token).GET())))) {
            return r.readObject();
        }
    }

    JsonObject invoice(String id) {
        return get("/books/v3/invoices/" + id).getJsonObject("invoice");
    }

    /** Every invoice of a Books filter, page by page. */
    List<JsonObject> invoices(String filterBy) {
        List<JsonObject> out = new ArrayList<>();
        for (int page = 1; page < 50; page++) {
            JsonObject body = get("/books/v3/invoices?filter_by=" + filterBy + "&per_page=200&page=" + page);
            body.getJsonArray("invoices").forEach(v -> out.add(v.asJsonObject()));
            if (!body.getJsonObject("page_context").getBoolean("has_more_page")) {
                break;
            }
        }
        return out;
    }

    List<JsonObject> search(String text) {
        List<JsonObject> out = new ArrayList<>();
        get("/books/v3/invoices?filter_by=Status.All&search_text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
                .getJsonArray("invoices").forEach(v -> out.add(v.asJsonObject()));
        return out;
    }

    /** A customer's id by exact name. */
    String customerId(String name) {
        return get("/books/v3/contacts?search_text=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).getJsonArray("contacts")
                .stream().map(JsonValue::asJsonObject).filter(c -> c.getString("contact_name").equals(name))
                .findFirst().orElseThrow().getString("contact_id");
    }

    /** The sandbox's "today" in the org's time zone. */
    LocalDate today(String zone) {
        try (JsonReader r = Json.createReader(new StringReader(send(HttpRequest.newBuilder(
                portal.url("/zoho-sandbox/control/clock")).GET())))) {
            return Instant.parse(r.readObject().getString("now").replace("+00:00", "Z")).atZone(ZoneId.of(zone)).toLocalDate();
        }
    }

    /** Outstanding, overdue and the five ageing buckets of unpaid invoices, computed here from Books' data. */
    static BigDecimal[] figures(List<JsonObject> unpaid, LocalDate today) {
        BigDecimal[] f = new BigDecimal[7];
        java.util.Arrays.fill(f, BigDecimal.ZERO);
        for (JsonObject i : unpaid) {
            BigDecimal balance = i.getJsonNumber("balance").bigDecimalValue();
            long late = ChronoUnit.DAYS.between(LocalDate.parse(i.getString("due_date")), today);
            f[0] = f[0].add(balance);
            if (late > 0) {
                f[1] = f[1].add(balance);
            }
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            f[2 + bucket] = f[2 + bucket].add(balance);
        }
        return f;
    }

    private static String send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
