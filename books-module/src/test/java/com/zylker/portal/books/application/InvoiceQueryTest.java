package com.zylker.portal.books.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceQueryTest {

    @Test
    void urlFiltersBecomeBooksParameters() {
        InvoiceQuery q = InvoiceQuery.of("partially_paid", " acme ", "due_date", "asc");

        assertThat(q.booksFilters()).containsEntry("filter_by", "Status.PartiallyPaid").containsEntry("search_text", "acme")
                .containsEntry("sort_column", "due_date").containsEntry("sort_order", "A");
        assertThat(q.urlParameters()).containsEntry("status", "partially_paid").containsEntry("q", "acme")
                .containsEntry("order", "asc");
    }

    @Test
    void unknownValuesFallBackToTheDefaults() {
        InvoiceQuery q = InvoiceQuery.of("Status.OverDue'--", "x".repeat(300), "password", "sideways");

        assertThat(q.status()).isEqualTo("all");
        assertThat(q.text()).hasSize(InvoiceQuery.MAX_TEXT);
        assertThat(q.sort()).isEqualTo("created_time");
        assertThat(q.ascending()).isFalse();
    }

    @Test
    void csvCellsCannotBecomeFormulas() {
        assertThat(InvoiceCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InvoiceCsv.cell("-12.50")).isEqualTo("\"-12.50\"");
        assertThat(InvoiceCsv.cell("Acme <img src=x> Ltd")).isEqualTo("\"Acme <img src=x> Ltd\"");
    }
}
