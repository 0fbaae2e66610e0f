package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksInvoiceDetail;
import com.zylker.portal.core.zoho.books.BooksPayment;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The invoice detail screen: the invoice, its payments, and the actions its status allows — none when the
 * user is known to be read-only in Books.
 */
public record InvoiceScreen(BooksInvoiceDetail invoice, List<BooksPayment> payments, boolean readOnly)
        implements Serializable {

    public InvoiceScreen {
        payments = List.copyOf(payments);
    }

    private String status() {
        return invoice.summary().status() == null ? "" : invoice.summary().status();
    }

    public boolean canMarkSent() {
        return !readOnly && "draft".equals(status());
    }

    public boolean canEmail() {
        return !readOnly && !"void".equals(status());
    }

    public boolean canVoid() {
        return !readOnly && !"void".equals(status());
    }

    public boolean canRecordPayment() {
        return !readOnly && Set.of("sent", "viewed", "overdue", "partially_paid", "unpaid").contains(status())
                && invoice.summary().balance() != null && invoice.summary().balance().signum() > 0;
    }
}
