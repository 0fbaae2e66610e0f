package com.zylker.portal.core.zoho.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.ZohoAccess;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Books adapter against a scripted Zoho: envelope, organization id, renewal, 429, timeouts, paging, writes. */
class ZohoBooksClientTest {

    private static final String USER = "daniel.brooks@zylkeracademy.com";
    private static final String ORG = "810000001";
    private static final String INVOICE = """
            {"invoice_id":"810000001000123","invoice_number":"INV-000123","customer_id":"810000001000007",
             "customer_name":"Acme <img src=x onerror=alert('books')> Ltd","status":"partially_paid","date":"2026-11-01",
             "due_date":"2026-11-16","currency_code":"USD","total":1082.50,"balance":649.50,"reference_number":"PO-4001",
             "is_emailed":true,"line_items":[{"name":"Java","description":"Tuition","rate":1000.00,"quantity":1,
             "discount":0,"tax_name":"Sales Tax","tax_percentage":8.25,"item_total":1000.00}],
             "sub_total":1000.00,"tax_total":82.50,"taxes":[{"tax_name":"Sales Tax (8.25%)","tax_amount":82.50}],
             "payment_made":433.00,"credits_applied":0.00,"notes":"n","terms":"t","invoice_url":"https://x/y"}""";

    private StubZohoServer zoho;
    private Tokens tokens;
    private ZohoBooksClient books;

    /** Hands out "old", then "new" after a rejection; records the renewals. */
    static final class Tokens implements AccessTokens {
        final URI api;
        final List<String> rejected = new ArrayList<>();

        Tokens(URI api) {
            this.api = api;
        }

        @Override
        public ZohoAccess current(String user) {
            return new ZohoAccess(rejected.isEmpty() ? "1000.old" : "1000.new", api);
        }

        @Override
        public ZohoAccess renewAfterRejection(String user, String rejectedAccessToken) {
            rejected.add(rejectedAccessToken);
            return new ZohoAccess("1000.new", api);
        }
    }

    @BeforeEach
    void start() throws IOException {
        zoho = new StubZohoServer();
        tokens = new Tokens(URI.create(zoho.base() + "/api/com"));
        books = client(Duration.ofSeconds(5));
    }

    private ZohoBooksClient client(Duration timeout) {
        return new ZohoBooksClient(new ZohoApiCalls(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
                tokens, timeout, ZohoCallObserver.NONE));
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    @Test
    void readsAnInvoiceWithItsTotalsAsBooksComputedThem() {
        zoho.reply(200, "{\"code\":0,\"message\":\"success\",\"invoice\":" + INVOICE + "}");

        BooksInvoiceDetail d = books.invoice(USER, ORG, "810000001000123");

        assertThat(d.summary().customerName()).isEqualTo("Acme <img src=x onerror=alert('books')> Ltd");
        assertThat(d.summary().balance()).isEqualByComparingTo("649.50");
        assertThat(d.taxTotal()).isEqualByComparingTo("82.50");
        assertThat(d.lines()).singleElement().satisfies(l -> assertThat(l.itemTotal()).isEqualByComparingTo("1000"));
        StubZohoServer.Recorded r = zoho.onlyRequest();
        assertThat(r.path()).isEqualTo("/api/com/books/v3/invoices/810000001000123");
        assertThat(r.query()).containsEntry("organization_id", ORG);
    }

    @Test
    void aNonZeroCodeIsARefusalInBooksWordsWhateverTheStatus() {
        zoho.reply(200, "{\"code\":1025,\"message\":\"An invoice that is sent cannot be marked as sent.\"}");

        ZohoApiException e = catchThrowableOfType(() -> books.markSent(USER, ORG, "1"), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.zohoCode()).isEqualTo("1025");
        assertThat(ZohoBooksClient.booksMessage(e)).hasValue("An invoice that is sent cannot be marked as sent.");
    }

    @Test
    void notFoundAndPaymentOverTheBalanceAreTyped() {
        zoho.reply(404, "{\"code\":1002,\"message\":\"Invoice does not exist.\"}");
        zoho.reply(400, "{\"code\":1053,\"message\":\"The amount applied exceeds its balance due of 10.00.\"}");

        assertThat(catchThrowableOfType(() -> books.invoice(USER, ORG, "9"), ZohoApiException.class).kind())
                .isEqualTo(Kind.NOT_FOUND);
        ZohoApiException over = catchThrowableOfType(() -> books.recordPayment(USER, ORG, new NewBooksPayment("7", "9",
                new BigDecimal("11.00"), LocalDate.of(2026, 12, 1), "cash", null, null)), ZohoApiException.class);
        assertThat(over.zohoCode()).isEqualTo("1053");
        assertThat(zoho.requests().get(1).body()).contains("\"amount_applied\":11.00").contains("\"invoice_id\":\"9\"");
    }

    @Test
    void aMissingOrForeignOrganizationIsRefusedInWords() {
        zoho.reply(400, "{\"code\":6041,\"message\":\"This user is not associated with the organization\"}");

        ZohoApiException e = catchThrowableOfType(() -> books.invoices(USER, "810000009", Map.of(), 1, 25), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.zohoCode()).isEqualTo("6041");
        assertThat(catchThrowableOfType(() -> books.invoices(USER, null, Map.of(), 1, 25), IllegalArgumentException.class))
                .as("no call without an organization id").isNotNull();
        assertThat(zoho.requests()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRetried() {
        zoho.reply(401, "{\"code\":14,\"message\":\"Invalid value passed for Authorization\"}");
        zoho.reply(200, "{\"code\":0,\"message\":\"success\",\"invoice\":" + INVOICE + "}");

        books.invoice(USER, ORG, "810000001000123");

        assertThat(tokens.rejected).containsExactly("1000.old");
        assertThat(zoho.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Zoho-oauthtoken 1000.old", "Zoho-oauthtoken 1000.new");
    }

    @Test
    void notAuthorizedIsForbiddenAndNotRenewed() {
        zoho.reply(401, "{\"code\":57,\"message\":\"You are not authorized to perform this operation\"}");

        ZohoApiException e = catchThrowableOfType(() -> books.markVoid(USER, ORG, "1"), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(tokens.rejected).isEmpty();
        assertThat(zoho.requests()).hasSize(1);
    }

    @Test
    void rateLimitedIsOneCallAndABackOff() {
        zoho.reply(429, "{\"code\":45,\"message\":\"You have made too many requests\"}");

        ZohoApiException e = catchThrowableOfType(() -> books.invoices(USER, ORG, Map.of(), 1, 25), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isPositive();
        assertThat(zoho.requests()).as("no retry storm").hasSize(1);
    }

    @Test
    void aSilentBooksIsUnavailableWithinTheTimeout() {
        ZohoBooksClient quick = client(Duration.ofMillis(500));
        zoho.replyAfter(3000, 200, "{\"code\":0}");

        long start = System.nanoTime();
        ZohoApiException e = catchThrowableOfType(() -> quick.createInvoice(USER, ORG, new NewBooksInvoice("7", null, null,
                "ZP-1", List.of(new NewBooksInvoice.Line("x", BigDecimal.ONE, BigDecimal.TEN)))), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void pagingFollowsPageContext() {
        zoho.reply(200, "{\"code\":0,\"message\":\"success\",\"invoices\":[" + INVOICE + "],"
                + "\"page_context\":{\"page\":2,\"per_page\":1,\"has_more_page\":true}}");

        BooksPage<BooksInvoice> p = books.invoices(USER, ORG, Map.of("filter_by", "Status.Unpaid"), 2, 1);

        assertThat(p.hasMorePage()).isTrue();
        assertThat(p.page()).isEqualTo(2);
        assertThat(zoho.onlyRequest().query()).containsEntry("page", "2").containsEntry("per_page", "1")
                .containsEntry("filter_by", "Status.Unpaid");
    }

    @Test
    void thePdfArrivesAsBytes() {
        zoho.reply(200, "%PDF-1.4\n%\u00e2\u00e3 M\u00fcller\n%%EOF\n");

        byte[] pdf = books.invoicePdf(USER, ORG, "810000001000123");

        assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
        assertThat(zoho.onlyRequest().query()).containsEntry("accept", "pdf");
    }

    @Test
    void createsAnInvoiceWithItsLinesAndReference() {
        zoho.reply(201, "{\"code\":0,\"message\":\"The invoice has been created.\",\"invoice\":" + INVOICE + "}");

        books.createInvoice(USER, ORG, new NewBooksInvoice("810000001000007", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 16), "CRM-DEAL-1 ZP-ABC", List.of(new NewBooksInvoice.Line("Course \"A\"",
                new BigDecimal("2"), new BigDecimal("450.00")))));

        String body = zoho.onlyRequest().body();
        assertThat(body).contains("\"customer_id\":\"810000001000007\"").contains("\"reference_number\":\"CRM-DEAL-1 ZP-ABC\"")
                .contains("\"description\":\"Course \\\"A\\\"\"").contains("\"rate\":450.00").contains("\"due_date\":\"2026-12-16\"");
    }
}
