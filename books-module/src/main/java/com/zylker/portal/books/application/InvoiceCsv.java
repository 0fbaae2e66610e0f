package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksInvoice;
import java.util.List;

/**
 * Invoices as CSV (RFC 4180, CRLF): cells quoted; a cell starting with {@code = + - @} (or a tab / CR) gets a
 * leading apostrophe, so a customer name from Books cannot become a spreadsheet formula.
 */
public final class InvoiceCsv {

    private InvoiceCsv() {
    }

    public static String of(List<BooksInvoice> invoices) {
        StringBuilder out = new StringBuilder("Number,Customer,Status,Date,Due date,Currency,Total,Balance,Reference\r\n");
        for (BooksInvoice i : invoices) {
            out.append(String.join(",", cell(i.number()), cell(i.customerName()), cell(i.status()),
                    cell(i.date() == null ? "" : i.date().toString()), cell(i.dueDate() == null ? "" : i.dueDate().toString()),
                    cell(i.currencyCode()), cell(i.total() == null ? "" : i.total().toPlainString()),
                    cell(i.balance() == null ? "" : i.balance().toPlainString()), cell(i.referenceNumber()))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
