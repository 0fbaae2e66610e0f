package com.zylker.portal.books.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceFormTest {

    private static InvoiceForm valid() {
        InvoiceForm f = new InvoiceForm();
        f.setCustomerId("810000001000007");
        f.setDate(LocalDate.of(2026, 12, 1));
        f.setDueDate(LocalDate.of(2026, 12, 16));
        f.getLines().get(0).setDescription("Tuition");
        f.getLines().get(0).setQuantity(new BigDecimal("2"));
        f.getLines().get(0).setRate(new BigDecimal("450.005"));
        return f;
    }

    @Test
    void aCompleteFormHasNoProblemsAndTotalsRoundPerLineLikeBooks() {
        InvoiceForm f = valid();
        f.addLine();
        f.getLines().get(1).setDescription("Materials");
        f.getLines().get(1).setRate(new BigDecimal("0.005"));

        assertThat(f.problems()).isEmpty();
        assertThat(f.total("USD")).isEqualByComparingTo("900.02"); // 900.01 + 0.01, each line half-up
        assertThat(f.total("JPY")).isEqualByComparingTo("900");
    }

    @Test
    void everyRuleIsCheckedBeforeAnyCall() {
        InvoiceForm f = valid();
        f.setCustomerId(null);
        f.setDueDate(LocalDate.of(2026, 11, 30));
        f.getLines().get(0).setQuantity(BigDecimal.ZERO);
        f.getLines().get(0).setRate(new BigDecimal("-1"));

        assertThat(f.problems()).containsExactly("Choose a customer from the list (type at least 3 letters).",
                "The due date cannot be before the invoice date.", "Line 1: the quantity must be more than zero.",
                "Line 1: the rate must be more than zero.");
    }

    @Test
    void anUntouchedFormNeedsALine() {
        InvoiceForm f = valid();
        f.getLines().get(0).setDescription(null);
        f.getLines().get(0).setQuantity(BigDecimal.ONE);
        f.getLines().get(0).setRate(null);

        assertThat(f.problems()).containsExactly("Add at least one line.");
    }
}
