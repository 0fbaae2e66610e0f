package com.zylker.sandbox.books;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.core.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BooksServiceTest {

    private MovableClock clock;
    private BooksService books;
    private BooksOrg main;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(Clock.fixed(Instant.parse("2026-03-15T15:00:00Z"), ZoneOffset.UTC));
        books = new BooksService(clock);
        main = books.resolveOrg(DataCenter.COM, DemoUsers.DANIEL, BooksSeed.MAIN_ORG_ID);
    }

    private static void assertBooksError(Runnable call, int status, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BooksException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> invoices(Map<String, String> q) {
        Map<String, String> all = new HashMap<>(q);
        all.putIfAbsent("per_page", "200");
        return (List<Map<String, Object>>) books.listInvoices(main, all).get("invoices");
    }

    private List<Map<String, Object>> allInvoices(Map<String, String> q) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int page = 1; page < 10; page++) {
            Map<String, String> p = new HashMap<>(q);
            p.put("page", Integer.toString(page));
            List<Map<String, Object>> items = invoices(p);
            out.addAll(items);
            if (items.size() < 200) {
                break;
            }
        }
        return out;
    }

    @Test
    void danielBelongsToTwoOrganizationsNoahToOne() {
        List<Map<String, Object>> daniel = books.organizations(DataCenter.COM, DemoUsers.DANIEL);
        List<Map<String, Object>> noah = books.organizations(DataCenter.COM, DemoUsers.NOAH);

        assertThat(daniel).extracting(o -> o.get("name")).containsExactly("Zylker Academy", "Zylker Academy Europe");
        assertThat(daniel).extracting(o -> o.get("currency_code")).containsExactly("USD", "EUR");
        assertThat(daniel).extracting(o -> o.get("is_default_org")).containsExactly(true, false);
        assertThat(noah).hasSize(1);
        assertThat(books.organizations(DataCenter.EU, DemoUsers.LUKAS)).isEmpty();
    }

    @Test
    void missingOrForeignOrganizationIdIsA400() {
        assertBooksError(() -> books.resolveOrg(DataCenter.COM, DemoUsers.PRIYA, null), 400, 6041);
        assertBooksError(() -> books.resolveOrg(DataCenter.COM, DemoUsers.PRIYA, BooksSeed.EUROPE_ORG_ID), 400, 6041);
        assertBooksError(() -> books.resolveOrg(DataCenter.COM, DemoUsers.PRIYA, "12345"), 400, 6041);
    }

    @Test
    void seedHasEveryStatusAndEveryAgeingBucketOverFortyCustomers() {
        List<Map<String, Object>> all = allInvoices(Map.of());
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("America/New_York"));
        Set<String> buckets = all.stream().filter(i -> Set.of("sent", "viewed", "overdue", "partially_paid")
                .contains(i.get("status"))).map(i -> {
                    long late = ChronoUnit.DAYS.between(LocalDate.parse((String) i.get("due_date")), today);
                    return late <= 0 ? "current" : late <= 30 ? "1-30" : late <= 60 ? "31-60" : late <= 90 ? "61-90" : "90+";
                }).collect(Collectors.toSet());

        assertThat(all).hasSizeGreaterThanOrEqualTo(250);
        assertThat(all.stream().map(i -> i.get("status")).collect(Collectors.toSet()))
                .contains("draft", "sent", "viewed", "overdue", "paid", "partially_paid", "void");
        assertThat(buckets).containsExactlyInAnyOrder("current", "1-30", "31-60", "61-90", "90+");
        assertThat(all.stream().map(i -> i.get("customer_id")).distinct().count()).isGreaterThanOrEqualTo(40);
        assertThat(all).anyMatch(i -> ((String) i.get("customer_name")).contains("onerror"));
    }

    @Test
    void overdueFollowsTheClock() {
        long before = invoices(Map.of("filter_by", "Status.OverDue")).size();
        clock.advance(Duration.ofDays(20));

        long after = invoices(Map.of("filter_by", "Status.OverDue")).size();

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void listFiltersSortsAndDescribesThePage() {
        Map<String, Object> page = books.listInvoices(main, Map.of("status", "unpaid", "sort_column", "total",
                "sort_order", "A", "per_page", "10", "page", "2"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("invoices");
        assertThat(items).hasSize(10).allSatisfy(i ->
                assertThat(i.get("status")).isIn("sent", "viewed", "overdue", "partially_paid"));
        assertThat(items.stream().map(i -> (BigDecimal) i.get("total")).toList()).isSorted();
        assertThat((Map<String, Object>) page.get("page_context")).containsEntry("page", 2).containsEntry("per_page", 10)
                .containsEntry("has_more_page", true).containsEntry("sort_column", "total").containsEntry("sort_order", "A")
                .containsKey("applied_filter");
        assertBooksError(() -> books.listInvoices(main, Map.of("per_page", "201")), 400, 2);
        assertBooksError(() -> books.listInvoices(main, Map.of("filter_by", "Status.Nope")), 400, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createdInvoiceIsADraftFoundByItsReference() {
        String customer = (String) invoices(Map.of()).get(0).get("customer_id");

        Map<String, Object> created = books.createInvoice(main, DemoUsers.DANIEL, Map.of("customer_id", customer,
                "reference_number", "ENROL-4711", "line_items", List.of(Map.of("name", "Cloud Practitioner",
                        "rate", 1500, "quantity", 2, "tax_id", "810000001900001"))), false, "http://x", "com");
        Map<String, Object> invoice = (Map<String, Object>) created.get("invoice");

        assertThat(invoice).containsEntry("status", "draft");
        assertThat(invoice.get("sub_total")).isEqualTo(new BigDecimal("3000.00"));
        assertThat(invoice.get("tax_total")).isEqualTo(new BigDecimal("247.50"));
        assertThat(invoice.get("total")).isEqualTo(new BigDecimal("3247.50"));
        assertThat(invoices(Map.of("search_text", "enrol-4711"))).extracting(i -> i.get("invoice_id"))
                .containsExactly(invoice.get("invoice_id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusTransitionsFollowTheLifeCycle() {
        String draft = (String) invoices(Map.of("status", "draft")).get(0).get("invoice_id");
        String paid = (String) invoices(Map.of("status", "paid")).get(0).get("invoice_id");

        assertBooksError(() -> books.changeStatus(main, DemoUsers.DANIEL, draft, "draft"), 400, 1025);
        books.changeStatus(main, DemoUsers.DANIEL, draft, "sent");
        assertBooksError(() -> books.changeStatus(main, DemoUsers.DANIEL, draft, "sent"), 400, 1025);
        books.changeStatus(main, DemoUsers.DANIEL, paid, "void");
        assertBooksError(() -> books.changeStatus(main, DemoUsers.DANIEL, paid, "void"), 400, 1025);
        books.changeStatus(main, DemoUsers.DANIEL, paid, "draft");

        Map<String, Object> back = (Map<String, Object>) books.getInvoice(main, paid, "http://x", "com").get("invoice");
        assertThat(back).containsEntry("status", "draft").containsEntry("payment_made", new BigDecimal("0.00"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void paymentUpdatesTheInvoiceAndAnAmountOverTheBalanceIsRefused() {
        Map<String, Object> open = invoices(Map.of("status", "sent")).get(0);
        BigDecimal balance = (BigDecimal) open.get("balance");
        BigDecimal part = new BigDecimal("10.00");
        Map<String, Object> tooMuch = Map.of("customer_id", open.get("customer_id"), "payment_mode", "cash",
                "amount", balance.add(BigDecimal.ONE), "invoices", List.of(Map.of("invoice_id", open.get("invoice_id"),
                        "amount_applied", balance.add(BigDecimal.ONE))));

        assertBooksError(() -> books.createPayment(main, DemoUsers.DANIEL, tooMuch), 400, 1053);
        Map<String, Object> payment = (Map<String, Object>) books.createPayment(main, DemoUsers.DANIEL, Map.of(
                "customer_id", open.get("customer_id"), "payment_mode", "banktransfer", "amount", part,
                "invoices", List.of(Map.of("invoice_id", open.get("invoice_id"), "amount_applied", part)))).get("payment");
        Map<String, Object> after = (Map<String, Object>) books.getInvoice(main, (String) open.get("invoice_id"),
                "http://x", "com").get("invoice");

        assertThat(((List<Map<String, Object>>) payment.get("invoices")).get(0).get("balance_amount"))
                .isEqualTo(balance.subtract(part));
        assertThat(after).containsEntry("balance", balance.subtract(part)).containsEntry("payment_made", part)
                .containsEntry("status", "partially_paid");
        assertThat(after.get("last_payment_date")).isNotEqualTo("");
    }

    @Test
    void viewOnlyMemberMayReadButNotWrite() {
        BooksOrg noahOrg = books.resolveOrg(DataCenter.COM, DemoUsers.NOAH, BooksSeed.MAIN_ORG_ID);
        String draft = (String) invoices(Map.of("status", "draft")).get(0).get("invoice_id");

        assertThat(books.getInvoice(noahOrg, draft, "http://x", "com")).containsKey("invoice");
        assertBooksError(() -> books.changeStatus(noahOrg, DemoUsers.NOAH, draft, "sent"), 401, 57);
        assertBooksError(() -> books.createInvoice(noahOrg, DemoUsers.NOAH, Map.of(), false, "x", "com"), 401, 57);
        assertBooksError(() -> books.createPayment(noahOrg, DemoUsers.NOAH, Map.of()), 401, 57);
    }

    @Test
    void hundredRequestsPerMinutePerOrganizationThen429UntilReset() {
        for (int i = 1; i < BooksService.RATE_LIMIT_PER_MINUTE; i++) {
            books.resolveOrg(DataCenter.COM, DemoUsers.DANIEL, BooksSeed.MAIN_ORG_ID);
        }

        assertBooksError(() -> books.resolveOrg(DataCenter.COM, DemoUsers.PRIYA, BooksSeed.MAIN_ORG_ID), 429, 45);
        books.resolveOrg(DataCenter.COM, DemoUsers.DANIEL, BooksSeed.EUROPE_ORG_ID);
        books.resetRateWindows();
        books.resolveOrg(DataCenter.COM, DemoUsers.PRIYA, BooksSeed.MAIN_ORG_ID);
    }

    @Test
    void theWindowMovesOnAfterAMinute() {
        for (int i = 1; i < BooksService.RATE_LIMIT_PER_MINUTE; i++) {
            books.resolveOrg(DataCenter.COM, DemoUsers.DANIEL, BooksSeed.MAIN_ORG_ID);
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(books.resolveOrg(DataCenter.COM, DemoUsers.DANIEL, BooksSeed.MAIN_ORG_ID)).isNotNull();
    }

    @Test
    void pdfIsAValidSmallPdfWithTheInvoiceNumber() {
        String id = (String) invoices(Map.of()).get(0).get("invoice_id");
        InvoicePdf.Content content = books.pdfContent(main, id);

        String pdf = new String(InvoicePdf.render(content), StandardCharsets.ISO_8859_1);

        assertThat(pdf).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("(Invoice " + content.number() + ")");
        int xref = Integer.parseInt(pdf.substring(pdf.indexOf("startxref\n") + 10, pdf.indexOf("\n%%EOF")).trim());
        assertThat(pdf.substring(xref)).startsWith("xref");
        assertThat(pdf.substring(Integer.parseInt(pdf.substring(xref).split("\n")[3].substring(0, 10)))).startsWith("1 0 obj");
    }
}
