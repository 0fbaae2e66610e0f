package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Books screens over HTTP against the whole portal: double submits write once (sandbox counters), a create
 * whose answer was lost is found by its marker, a view-only user is refused by Books once and then by the
 * portal, the figures equal what Books holds with both clocks moved, and the Books calls each page costs.
 */
@ExtendWith(WholePortal.class)
class BooksFaultsIT {

    private static final String DANIEL = "daniel.brooks@zylkeracademy.com";
    private static final String NOAH = "noah.williams@zylkeracademy.com";
    private static final Pattern REDIRECT = Pattern.compile("<redirect url=\"([^\"]+)\"");

    private RunningPortal portal;
    private SandboxControl sandbox;
    private String origin;

    @BeforeEach
    void freshSandbox(RunningPortal portal) {
        this.portal = portal;
        sandbox = portal.sandbox();
        sandbox.reset();
        origin = portal.base().toString().replaceAll("/$", "");
    }

    @Test
    void aDoubleClickOnSaveCreatesOneInvoiceAndATimedOutCreateIsFoundByItsMarker() throws Exception {
        PortalClient daniel = signedIn(DANIEL, true);
        String customer = new SandboxBooks(portal, DANIEL).customerId("Northwind Logistics");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString();
        Map<String, String> lines = Map.of("invoice-form:line:0:line-description", "Java Bootcamp — spring term",
                "invoice-form:line:0:line-quantity", "2", "invoice-form:line:0:line-rate", "450.00",
                "invoice-form:invoice-date_input", today, "invoice-form:due-date_input", today,
                "invoice-form:customer_input", "Northwind Logistics", "invoice-form:customer_hinput", customer);

        // Two submits of one form at once (a double click, a resent form).
        String page = daniel.get("/books/invoice-new?customer=" + customer).body();
        long before = calls("POST /books/v3/invoices");
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> save(copy(daniel), page, lines));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> save(copy(daniel), page, lines));
        String a = first.get();
        String b = second.get();
        assertThat(calls("POST /books/v3/invoices") - before).as("one Books write for two submits").isEqualTo(1);
        assertThat(redirect(a)).as(a).contains("/books/invoice?id=");
        assertThat(redirect(b)).as("the repeat shows the same invoice: " + b).isEqualTo(redirect(a));

        // Books takes longer than the portal waits (5 s): the outcome is unknown, the create happens later.
        String timed = daniel.get("/books/invoice-new?customer=" + customer).body();
        sandbox.fault("books", 0, 7_000, 1);
        long creates = calls("POST /books/v3/invoices");
        String unknown = save(daniel, timed, lines);
        assertThat(unknown).contains("did not answer in time");
        awaitCount("POST /books/v3/invoices", creates + 1);
        Thread.sleep(2_500); // the delayed create finishes at Books
        String retried = FacesForms.ajax(daniel, origin, "/books/invoice-new", "invoice-form", "invoice-form:save",
                FacesForms.updatedViewState(unknown), FacesForms.nonce(timed), FacesForms.csrfToken(timed), lines);
        assertThat(redirect(retried)).as("found by its marker: " + retried).contains("/books/invoice?id=");
        assertThat(calls("POST /books/v3/invoices") - creates).as("the retry created nothing").isEqualTo(1);
        String id = redirect(retried).replaceAll(".*id=([0-9]+).*", "$1");
        JsonObject made = new SandboxBooks(portal, DANIEL).invoice(id);
        assertThat(made.getString("reference_number")).startsWith("ZP-");
        assertThat(made.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("900.00");
    }

    @Test
    void aDoubleClickOnRecordPaymentRecordsOnePayment() throws Exception {
        PortalClient daniel = signedIn(DANIEL, true);
        SandboxBooks books = new SandboxBooks(portal, DANIEL);
        JsonObject sent = books.invoices("Status.Sent").stream()
                .filter(i -> i.getJsonNumber("balance").bigDecimalValue().compareTo(new BigDecimal("100")) > 0).findFirst().orElseThrow();
        String id = sent.getString("invoice_id");
        BigDecimal balance = sent.getJsonNumber("balance").bigDecimalValue();
        String page = daniel.get("/books/invoice?id=" + id).body();
        Map<String, String> fields = Map.of("payment-form:payment-amount", "40.00", "payment-form:payment-reference", "TXN-1",
                "payment-form:payment-mode", "banktransfer",
                "payment-form:payment-date_input", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        long before = calls("POST /books/v3/customerpayments");

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> pay(copy(daniel), page, fields));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> pay(copy(daniel), page, fields));
        String a = first.get();
        String b = second.get();

        assertThat(calls("POST /books/v3/customerpayments") - before).as("one payment for two submits").isEqualTo(1);
        assertThat(a + b).contains("recorded");
        assertThat(books.invoice(id).getJsonNumber("balance").bigDecimalValue())
                .isEqualByComparingTo(balance.subtract(new BigDecimal("40.00")));
    }

    @Test
    void aViewOnlyUserIsRefusedByBooksOnceThenByThePortalWithoutAWrite() {
        PortalClient noah = signedIn(NOAH, false);
        SandboxBooks books = new SandboxBooks(portal, NOAH);
        String draft = books.invoices("Status.Draft").get(0).getString("invoice_id");
        String sentId = books.invoices("Status.Sent").get(0).getString("invoice_id");

        String page = noah.get("/books/invoice?id=" + draft).body();
        assertThat(page).contains("actions-form:mark-sent");
        String refused = FacesForms.ajax(noah, origin, "/books/invoice?id=" + draft, "actions-form", "actions-form:mark-sent",
                FacesForms.viewState(page), FacesForms.nonce(page), FacesForms.csrfToken(page), Map.of());
        assertThat(refused).contains("your Books role does not allow it");
        assertThat(sandbox.userCalls(NOAH, "POST /books/v3/invoices/{id}/status/sent")).as("Books was asked once").isEqualTo(1);

        // From now on: read-only screens, and forged writes never reach Books.
        String again = noah.get("/books/invoice?id=" + sentId).body();
        assertThat(again).contains("id=\"invoice-read-only\"").doesNotContain("actions-form:mark-sent")
                .doesNotContain("actions-form:payment-open").doesNotContain("actions-form:void-open");
        assertThat(noah.get("/books/").body()).contains("id=\"books-read-only\"").doesNotContain("id=\"books-new\"");
        String forgedPayment = FacesForms.ajax(noah, origin, "/books/invoice?id=" + sentId, "payment-form",
                "payment-form:payment-save", FacesForms.viewState(again), FacesForms.nonce(again), FacesForms.csrfToken(again),
                Map.of("payment-form:payment-amount", "1.00", "payment-form:payment-mode", "cash",
                        "payment-form:payment-date_input", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        String forgedVoid = FacesForms.ajax(noah, origin, "/books/invoice?id=" + sentId, "void-form", "void-form:void-confirm",
                FacesForms.viewState(again), FacesForms.nonce(again), FacesForms.csrfToken(again), Map.of());
        String newPage = noah.get("/books/invoice-new").body();
        assertThat(newPage).contains("id=\"new-read-only\"").doesNotContain("invoice-form:save");
        String forgedCreate = FacesForms.ajax(noah, origin, "/books/invoice-new", "invoice-form", "invoice-form:save",
                FacesForms.viewState(newPage), FacesForms.nonce(newPage), FacesForms.csrfToken(newPage),
                Map.of("invoice-form:line:0:line-description", "x", "invoice-form:line:0:line-rate", "5"));

        assertThat(forgedPayment).contains("read-only");
        assertThat(forgedVoid).contains("Ask a Books administrator"); // the growl's text, script-escaped
        assertThat(forgedCreate).doesNotContain("<redirect");
        assertThat(sandbox.userCalls(NOAH, "POST /books/v3/customerpayments")).isZero();
        assertThat(sandbox.userCalls(NOAH, "POST /books/v3/invoices/{id}/status/void")).isZero();
        assertThat(sandbox.userCalls(NOAH, "POST /books/v3/invoices")).isZero();
    }

    @Test
    void figuresEqualBooksDataAsTheClocksMoveTogether() {
        assertFiguresMatch(0);
        try {
            sandbox.advanceClock(17 * 86_400);
            WholePortal.setClockOffset(Duration.ofDays(17));
            assertFiguresMatch(17);
        } finally {
            WholePortal.setClockOffset(null);
            sandbox.reset();
        }
    }

    @Test
    void booksCallsPerPageViewAndAction() {
        PortalClient daniel = signedIn(DANIEL, true);
        long start = danielBooks();
        daniel.get("/books/");
        assertThat(danielBooks() - start).as("first list view: organizations (cached 5 min; read at sign-in by the"
                + " chooser already), the organization's unpaid invoices (ageing, cached 1 min), one table page")
                .isLessThanOrEqualTo(3);
        long listed = danielBooks();
        daniel.get("/books/");
        assertThat(danielBooks() - listed).as("list view within the minute: the table page only").isEqualTo(1);
        daniel.get("/books/api/summary");
        assertThat(danielBooks() - listed).as("dashboard summary: the cached figures").isEqualTo(1);

        String id = new SandboxBooks(portal, DANIEL).invoices("Status.Draft").get(0).getString("invoice_id");
        long detail = danielBooks();
        String page = daniel.get("/books/invoice?id=" + id).body();
        assertThat(danielBooks() - detail).as("detail: the invoice and its payments").isEqualTo(2);
        long action = danielBooks();
        String marked = FacesForms.ajax(daniel, origin, "/books/invoice?id=" + id, "actions-form", "actions-form:mark-sent",
                FacesForms.viewState(page), FacesForms.nonce(page), FacesForms.csrfToken(page), Map.of());
        assertThat(danielBooks() - action).as("mark as sent: one write, then the detail again").isEqualTo(3);
        assertThat(sandbox.userCalls(DANIEL, "POST /books/v3/invoices/{id}/status/sent")).isEqualTo(1);
        long voiding = danielBooks();
        String voided = FacesForms.ajax(daniel, origin, "/books/invoice?id=" + id, "void-form", "void-form:void-confirm",
                FacesForms.updatedViewState(marked), FacesForms.nonce(page), FacesForms.csrfToken(page), Map.of());
        assertThat(danielBooks() - voiding).as("void (after the confirmation dialog): one write, then the detail").isEqualTo(3);
        assertThat(voided).contains("void in Zoho Books");
        assertThat(new SandboxBooks(portal, DANIEL).invoice(id).getString("status")).isEqualTo("void");
        long fresh = danielBooks();
        daniel.get("/books/invoice-new");
        assertThat(danielBooks() - fresh).as("an empty new-invoice form").isZero();
    }

    @Test
    void theCsvExportHoldsTheFilteredInvoicesAsBooksHasThem() {
        PortalClient daniel = signedIn(DANIEL, true);

        HttpResponse<String> csv = daniel.get("/books/api/invoices/export.csv?status=overdue&sort=due_date&order=asc");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = List.of(csv.body().split("\r\n"));
        assertThat(rows.get(0)).startsWith("Number,Customer,Status");
        List<JsonObject> overdue = new SandboxBooks(portal, DANIEL).invoices("Status.OverDue");
        assertThat(rows).hasSize(overdue.size() + 1);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.contains("\"overdue\""));
    }

    @Test
    void aBusyBooksIsSaidInWordsWithoutARetryStorm() {
        PortalClient daniel = signedIn(DANIEL, true);
        daniel.postFromPage("/books/api/summary/refresh"); // figures cached: the page's one call is the table
        sandbox.fault("books", 429, 0, 5);
        long before = calls("GET /books/v3/invoices"); // a faulted call is counted by path, not by user

        HttpResponse<String> page = daniel.get("/books/?status=overdue");
        HttpResponse<String> summary = daniel.postFromPage("/books/api/summary/refresh");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"invoices-problem\"").contains("Zoho is busy")
                .contains("The portal does not retry by itself");
        assertThat(summary.statusCode()).isEqualTo(503);
        assertThat(summary.body()).contains("zoho-busy");
        assertThat(calls("GET /books/v3/invoices") - before).as("one call each, no retries").isEqualTo(2);
        sandbox.clearFaults();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void assertFiguresMatch(int days) {
        PortalClient daniel = signedIn(DANIEL, true);
        JsonObject summary = json(daniel.postFromPage("/books/api/summary/refresh"));
        SandboxBooks books = new SandboxBooks(portal, DANIEL);
        BigDecimal[] expected = SandboxBooks.figures(books.invoices("Status.Unpaid"), books.today("America/New_York"));
        JsonObject usd = summary.getJsonArray("currencies").getJsonObject(0);
        assertThat(usd.getString("currency")).isEqualTo("USD");
        assertThat(usd.getJsonNumber("outstanding").bigDecimalValue()).as("outstanding, +%d days", days).isEqualByComparingTo(expected[0]);
        assertThat(usd.getJsonNumber("overdue").bigDecimalValue()).as("overdue, +%d days", days).isEqualByComparingTo(expected[1]);
        JsonArray buckets = usd.getJsonArray("buckets");
        for (int b = 0; b < 5; b++) {
            assertThat(buckets.getJsonObject(b).getJsonNumber("amount").bigDecimalValue())
                    .as("bucket %s, +%d days", buckets.getJsonObject(b).getString("bucket"), days).isEqualByComparingTo(expected[2 + b]);
        }
        assertThat(summary.getString("today")).isEqualTo(books.today("America/New_York").toString());
        if (days > 0) {
            assertThat(expected[2 + 1]).as("invoices crossed a bucket boundary").isNotEqualByComparingTo(figuresAtReset[3]);
        } else {
            figuresAtReset = expected;
        }
    }

    private BigDecimal[] figuresAtReset;

    private PortalClient signedIn(String email, boolean chooseMainOrganization) {
        PortalClient client = new PortalClient(portal.base());
        assertThat(client.signIn(email).statusCode()).isEqualTo(302);
        if (chooseMainOrganization) {
            HttpResponse<String> list = client.get("/books/");
            if (list.statusCode() == 302) {
                String page = client.get(PortalClient.location(list).toString()).body();
                Matcher button = Pattern.compile("name=\"([^\"]+)\"[^>]*data-org-id=\"" + SandboxBooks.ORG + "\"").matcher(page);
                if (!button.find()) {
                    button = Pattern.compile("data-org-id=\"" + SandboxBooks.ORG + "\"[^>]*name=\"([^\"]+)\"").matcher(page);
                    assertThat(button.find()).as(page).isTrue();
                }
                Map<String, String> form = new HashMap<>();
                form.put("org-form", "org-form");
                form.put(button.group(1), "x");
                form.put("return", "/books/");
                form.put("jakarta.faces.ViewState", FacesForms.viewState(page));
                form.put("zy-csrf", FacesForms.csrfToken(page));
                form.put("primefaces.nonce", FacesForms.nonce(page));
                HttpResponse<String> chosen = client.send(FacesForms.formPost(client.url("/books/organization"), form)
                        .header("Origin", origin).header("Sec-Fetch-Site", "same-origin"));
                assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
            }
        }
        return client;
    }

    private String save(PortalClient client, String page, Map<String, String> fields) {
        return FacesForms.ajax(client, origin, "/books/invoice-new", "invoice-form", "invoice-form:save",
                FacesForms.viewState(page), FacesForms.nonce(page), FacesForms.csrfToken(page), fields);
    }

    private String pay(PortalClient client, String page, Map<String, String> fields) {
        return FacesForms.ajax(client, origin, "/books/invoice", "payment-form", "payment-form:payment-save",
                FacesForms.viewState(page), FacesForms.nonce(page), FacesForms.csrfToken(page), fields);
    }

    private static PortalClient copy(PortalClient client) {
        PortalClient tab = new PortalClient(client.url("/"));
        tab.cookies().putAll(client.cookies());
        return tab;
    }

    private static String redirect(String partial) {
        Matcher m = REDIRECT.matcher(partial);
        return m.find() ? m.group(1).replace("&amp;", "&") : "";
    }

    private long calls(String path) {
        return sandbox.counter("calls_by_path", path);
    }

    private long danielBooks() {
        try (JsonReader r = Json.createReader(new StringReader(sandbox.counters()))) {
            JsonObject byUser = r.readObject().getJsonObject("calls_by_user").getJsonObject(DANIEL);
            return byUser == null || !byUser.containsKey("books") ? 0 : byUser.getJsonNumber("books").longValue();
        }
    }

    private void awaitCount(String path, long atLeast) throws InterruptedException {
        for (int i = 0; i < 50 && calls(path) < atLeast; i++) {
            Thread.sleep(200);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
            return r.readObject();
        }
    }

    @SuppressWarnings("unused")
    private static List<String> ids(JsonArray a) {
        return a.stream().map(JsonValue::asJsonObject).map(o -> o.getString("invoice_id")).toList();
    }
}
