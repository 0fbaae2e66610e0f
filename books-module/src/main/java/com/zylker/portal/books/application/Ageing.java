package com.zylker.portal.books.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.books.BooksInvoice;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import com.zylker.portal.core.zoho.books.BooksPage;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outstanding, overdue and ageing for a whole organization: every unpaid invoice ({@code filter_by=Status.Unpaid},
 * 200 a page, so 1 call for up to 200 unpaid invoices), bucketed by days past due in the organization's time
 * zone. Cached per organization for {@value #TTL_SECONDS} s — Books allows 100 calls a minute for the whole
 * organization, shared by all its users — and dropped after a write made through this node.
 */
@ApplicationScoped
public class Ageing {

    static final int TTL_SECONDS = 60;
    static final int MAX_PAGES = 25;

    @Inject
    ZohoBooksClient books;

    @Inject
    Clock clock;

    private ShortCache<String, AgeingSummary> cache;
    private final SingleFlight<String, AgeingSummary> loads = new SingleFlight<>();

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofSeconds(TTL_SECONDS), 1_000, clock);
    }

    public AgeingSummary of(String user, BooksOrganization org) {
        return cache.get(org.id(), () -> loads.load(org.id(), () -> compute(user, org)));
    }

    public void forget(String organizationId) {
        cache.invalidate(organizationId);
    }

    private AgeingSummary compute(String user, BooksOrganization org) {
        List<BooksInvoice> unpaid = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            BooksPage<BooksInvoice> p = books.invoices(user, org.id(), Map.of("filter_by", "Status.Unpaid",
                    "sort_column", "due_date", "sort_order", "A"), page, ZohoBooksClient.MAX_PER_PAGE);
            unpaid.addAll(p.items());
            if (!p.hasMorePage()) {
                break;
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone(org.timeZone()));
        return summarize(org, today, unpaid, clock.instant());
    }

    static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The figures for invoices as Books listed them, on the organization's {@code today}. */
    static AgeingSummary summarize(BooksOrganization org, LocalDate today, List<BooksInvoice> invoices,
                                   java.time.Instant at) {
        Map<String, Acc> byCurrency = new TreeMap<>();
        int counted = 0;
        for (BooksInvoice i : invoices) {
            if (i.balance() == null || i.balance().signum() <= 0 || "draft".equals(i.status()) || "void".equals(i.status())) {
                continue;
            }
            String currency = i.currencyCode() == null || i.currencyCode().isBlank() ? org.currencyCode() : i.currencyCode();
            Acc a = byCurrency.computeIfAbsent(currency, c -> new Acc());
            counted++;
            a.outstanding = a.outstanding.add(i.balance());
            long late = i.dueDate() == null ? 0 : ChronoUnit.DAYS.between(i.dueDate(), today);
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            a.buckets[bucket] = a.buckets[bucket].add(i.balance());
            a.counts[bucket]++;
            if (late > 0) {
                a.overdue = a.overdue.add(i.balance());
                a.overdueCount++;
            } else if (late > -7) {
                a.dueThisWeek = a.dueThisWeek.add(i.balance());
                a.dueThisWeekCount++;
            }
        }
        List<AgeingSummary.CurrencyFigures> figures = new ArrayList<>();
        byCurrency.forEach((currency, a) -> figures.add(new AgeingSummary.CurrencyFigures(currency,
                BooksMoney.round(a.outstanding, currency), BooksMoney.round(a.overdue, currency), a.overdueCount,
                List.of(a.buckets).stream().map(b -> BooksMoney.round(b, currency)).toList(),
                java.util.Arrays.stream(a.counts).boxed().toList(), BooksMoney.round(a.dueThisWeek, currency),
                a.dueThisWeekCount)));
        return new AgeingSummary(org.id(), org.name(), org.timeZone(), today, figures, counted, at);
    }

    private static final class Acc {
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal dueThisWeek = BigDecimal.ZERO;
        int overdueCount;
        int dueThisWeekCount;
        final BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        final int[] counts = new int[5];
    }
}
