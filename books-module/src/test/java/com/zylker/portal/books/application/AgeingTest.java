package com.zylker.portal.books.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.zylker.portal.core.zoho.books.BooksInvoice;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgeingTest {

    private static final BooksOrganization ORG = new BooksOrganization("810000001", "Zylker Academy", true, "USD", "$",
            "America/New_York");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static BooksInvoice due(LocalDate dueDate, String balance, String status) {
        return new BooksInvoice("1", "INV-1", "7", "C", status, dueDate.minusDays(15), dueDate, "USD",
                new BigDecimal(balance), new BigDecimal(balance), "");
    }

    @Test
    void bucketsByDaysPastDueWithTheEdgesWhereBooksPutsThem() {
        AgeingSummary s = Ageing.summarize(ORG, TODAY, List.of(
                due(TODAY, "10.00", "sent"),               // due today: current, due this week
                due(TODAY.plusDays(6), "1.00", "sent"),    // due this week
                due(TODAY.plusDays(7), "2.00", "sent"),    // current, not this week
                due(TODAY.minusDays(1), "20.00", "overdue"),
                due(TODAY.minusDays(30), "30.00", "overdue"),
                due(TODAY.minusDays(31), "31.00", "overdue"),
                due(TODAY.minusDays(60), "60.00", "partially_paid"),
                due(TODAY.minusDays(61), "61.00", "overdue"),
                due(TODAY.minusDays(90), "90.00", "overdue"),
                due(TODAY.minusDays(91), "91.00", "overdue"),
                due(TODAY.minusDays(5), "99.00", "draft")), Instant.EPOCH);

        AgeingSummary.CurrencyFigures usd = s.currencies().get(0);
        assertThat(usd.buckets()).extracting(BigDecimal::toPlainString)
                .containsExactly("13.00", "50.00", "91.00", "151.00", "91.00");
        assertThat(usd.outstanding()).isEqualByComparingTo("396.00");
        assertThat(usd.overdue()).isEqualByComparingTo("383.00");
        assertThat(usd.overdueInvoices()).isEqualTo(7);
        assertThat(usd.dueThisWeek()).isEqualByComparingTo("11.00");
        assertThat(s.unpaidInvoices()).as("drafts are not owed").isEqualTo(10);
    }

    @Test
    void figuresArePerCurrency() {
        BooksInvoice eur = new BooksInvoice("2", "EU-1", "8", "D", "sent", TODAY, TODAY, "EUR", BigDecimal.TEN, BigDecimal.TEN, "");
        AgeingSummary s = Ageing.summarize(ORG, TODAY, List.of(due(TODAY, "5.00", "sent"), eur), Instant.EPOCH);

        assertThat(s.currencies()).extracting(AgeingSummary.CurrencyFigures::currency).containsExactly("EUR", "USD");
    }
}
