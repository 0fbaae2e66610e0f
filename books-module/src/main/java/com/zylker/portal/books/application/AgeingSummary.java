package com.zylker.portal.books.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an organization is owed, computed over all its unpaid invoices (not one page): per currency the total
 * outstanding, the part overdue, the ageing buckets by days past due in the organization's time zone, and what
 * falls due this week (today and the six days after). {@code today} is the organization's date used.
 */
public record AgeingSummary(String organizationId, String organizationName, String timeZone, LocalDate today,
                            List<CurrencyFigures> currencies, int unpaidInvoices, Instant computedAt)
        implements Serializable {

    /** Bucket labels, in order: not yet due, then days past due. */
    public static final List<String> BUCKETS = List.of("Current", "1–30 days", "31–60 days", "61–90 days", "90+ days");

    public record CurrencyFigures(String currency, BigDecimal outstanding, BigDecimal overdue, int overdueInvoices,
                                  List<BigDecimal> buckets, List<Integer> bucketCounts, BigDecimal dueThisWeek,
                                  int dueThisWeekInvoices) implements Serializable {
    }

    public AgeingSummary {
        currencies = List.copyOf(currencies);
    }
}
