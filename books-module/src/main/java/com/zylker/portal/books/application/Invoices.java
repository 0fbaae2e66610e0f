package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksInvoice;
import com.zylker.portal.core.zoho.books.BooksInvoiceDetail;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import com.zylker.portal.core.zoho.books.BooksPage;
import com.zylker.portal.core.zoho.books.NewBooksPayment;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The invoice list and the invoice detail with its actions, each one Books call or a few (documented per
 * action in docs/DESIGN-NOTES.md): mark as sent, email, void, record a payment. Every write goes through
 * {@link BooksPermissions} (a user known to be read-only is refused without a call) and drops the
 * organization's cached ageing; a payment also through {@link FormTokens} (a double click records one).
 */
@ApplicationScoped
public class Invoices {

    @Inject
    ZohoBooksClient books;

    @Inject
    BooksPermissions permissions;

    @Inject
    FormTokens tokens;

    @Inject
    Ageing ageing;

    @Inject
    Clock clock;

    /** One page of the list: 1 call. */
    public BooksPage<BooksInvoice> page(String user, String organizationId, InvoiceQuery query, int page, int perPage) {
        return books.invoices(user, organizationId, query.booksFilters(), page, perPage);
    }

    /** Up to {@code max} invoices of a filter, for the CSV export (1 call per 200). */
    public List<BooksInvoice> export(String user, String organizationId, InvoiceQuery query, int max) {
        List<BooksInvoice> out = new ArrayList<>();
        for (int page = 1; out.size() < max; page++) {
            BooksPage<BooksInvoice> p = books.invoices(user, organizationId, query.booksFilters(), page, ZohoBooksClient.MAX_PER_PAGE);
            out.addAll(p.items());
            if (!p.hasMorePage()) {
                break;
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** The detail screen: 2 calls (the invoice, its payments). */
    public InvoiceScreen open(String user, String organizationId, String invoiceId) {
        BooksInvoiceDetail invoice = books.invoice(user, organizationId, invoiceId);
        return new InvoiceScreen(invoice, books.invoicePayments(user, organizationId, invoiceId),
                permissions.readOnly(user, organizationId));
    }

    public byte[] pdf(String user, String organizationId, String invoiceId) {
        return books.invoicePdf(user, organizationId, invoiceId);
    }

    /** Draft → sent: 1 write, then the screen again (2 reads). */
    public ActionResult markSent(String user, String organizationId, String invoiceId) {
        try {
            permissions.write(user, organizationId, () -> {
                books.markSent(user, organizationId, invoiceId);
                return null;
            });
        } catch (RuntimeException e) {
            return refused(user, organizationId, invoiceId, e);
        }
        ageing.forget(organizationId);
        return ActionResult.done("Marked as sent in Zoho Books.", open(user, organizationId, invoiceId));
    }

    /** Void (after the screen's confirmation): 1 write, then the screen again. */
    public ActionResult voidInvoice(String user, String organizationId, String invoiceId) {
        try {
            permissions.write(user, organizationId, () -> {
                books.markVoid(user, organizationId, invoiceId);
                return null;
            });
        } catch (RuntimeException e) {
            return refused(user, organizationId, invoiceId, e);
        }
        ageing.forget(organizationId);
        return ActionResult.done("The invoice is void in Zoho Books; payments on it became the customer's credit.",
                open(user, organizationId, invoiceId));
    }

    /** The email dialog's prefill: 1 read (Books' email content); refused without a call when read-only. */
    public EmailForm emailForm(String user, String organizationId, String invoiceId) {
        if (permissions.readOnly(user, organizationId)) {
            throw new ReadOnlyException();
        }
        return EmailForm.from(books.emailContent(user, organizationId, invoiceId));
    }

    /** Sends the (edited) email: validation first, then 1 write and the screen again. */
    public ActionResult email(String user, String organizationId, String invoiceId, EmailForm form) {
        List<String> to = Arrays.stream((form.getTo() == null ? "" : form.getTo()).split("[,;\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (to.isEmpty() || to.stream().anyMatch(a -> !a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) || to.size() > 20) {
            return ActionResult.refused("Give one or more email addresses, separated by commas.", null);
        }
        if (form.getSubject() == null || form.getSubject().isBlank()) {
            return ActionResult.refused("The email needs a subject.", null);
        }
        try {
            permissions.write(user, organizationId, () -> {
                books.email(user, organizationId, invoiceId, to, form.getSubject().strip(), form.htmlBody());
                return null;
            });
        } catch (RuntimeException e) {
            return refused(user, organizationId, invoiceId, e);
        }
        ageing.forget(organizationId);
        return ActionResult.done("Emailed to " + String.join(", ", to) + " by Zoho Books.", open(user, organizationId, invoiceId));
    }

    /**
     * Records a payment against the invoice's balance: checked before any call (amount &gt; 0, ≤ balance, in the
     * currency's minor unit; a date; a Books mode), then 1 write — once per form token — and the screen again.
     */
    public ActionResult recordPayment(String user, String organizationId, InvoiceScreen screen, String token, PaymentForm form) {
        BooksInvoice invoice = screen.invoice().summary();
        String currency = invoice.currencyCode();
        BigDecimal amount = form.getAmount();
        if (amount == null || amount.signum() <= 0) {
            return ActionResult.refused("Enter the amount received (more than zero).", null);
        }
        if (amount.scale() > BooksMoney.digits(currency) && amount.stripTrailingZeros().scale() > BooksMoney.digits(currency)) {
            return ActionResult.refused("The amount has more decimals than " + currency + " allows.", null);
        }
        if (invoice.balance() == null || amount.compareTo(invoice.balance()) > 0) {
            return ActionResult.refused("The amount is more than the balance due (" + currency + " "
                    + (invoice.balance() == null ? "0" : invoice.balance().toPlainString()) + ").", null);
        }
        if (form.getDate() == null) {
            return ActionResult.refused("Enter the date the payment was received.", null);
        }
        if (form.getDate().isAfter(LocalDate.now(clock).plusDays(1))) {
            return ActionResult.refused("The payment date cannot be in the future.", null);
        }
        if (!NewBooksPayment.MODES.contains(form.getMode())) {
            return ActionResult.refused("Choose how the payment was made.", null);
        }
        String reference = form.getReference() == null ? "" : form.getReference().strip();
        if (reference.length() > 50) {
            return ActionResult.refused("The reference has at most 50 characters.", null);
        }
        String marker = FormTokens.marker(token);
        Submission s;
        try {
            s = permissions.write(user, organizationId, () -> tokens.submit(user, token,
                    () -> paymentWithMarker(user, organizationId, invoice.id(), marker),
                    () -> books.recordPayment(user, organizationId, new NewBooksPayment(invoice.customerId(), invoice.id(),
                            BooksMoney.round(amount, currency), form.getDate(), form.getMode(), reference,
                            "Recorded in the Zylker staff portal " + marker))));
        } catch (RuntimeException e) {
            return refused(user, organizationId, invoice.id(), e);
        }
        ageing.forget(organizationId);
        return switch (s.outcome()) {
            case DONE -> ActionResult.done("Payment of " + currency + " " + BooksMoney.round(amount, currency).toPlainString()
                    + " recorded in Zoho Books.", open(user, organizationId, invoice.id()));
            case FOUND, REPEATED -> ActionResult.done("This payment was recorded already (once).", open(user, organizationId, invoice.id()));
            case IN_PROGRESS -> ActionResult.refused("This payment is already being recorded — wait a moment, then reload.", null);
            case UNKNOWN -> ActionResult.refused("Zoho Books did not answer in time: the payment may or may not be"
                    + " recorded. Record payment again with the same form: the portal first looks for it in Books and"
                    + " records it only if it is not there.", null);
        };
    }

    private Optional<String> paymentWithMarker(String user, String organizationId, String invoiceId, String marker) {
        return books.invoicePayments(user, organizationId, invoiceId).stream()
                .filter(p -> p.description() != null && p.description().contains(marker)).map(p -> p.id()).findFirst();
    }

    private ActionResult refused(String user, String organizationId, String invoiceId, RuntimeException e) {
        String words = BooksWords.of(e);
        InvoiceScreen screen = null;
        if (e instanceof ReadOnlyException || e instanceof com.zylker.portal.core.zoho.ZohoApiException z
                && z.kind() == com.zylker.portal.core.zoho.ZohoApiException.Kind.FORBIDDEN) {
            try {
                screen = open(user, organizationId, invoiceId);
            } catch (RuntimeException ignored) {
                // The screen stays as it was; the message says what happened.
            }
        }
        return ActionResult.refused(words, screen);
    }

    public static BooksOrganization require(Optional<BooksOrganization> org) {
        return org.orElseThrow(() -> new IllegalStateException("no Books organization chosen"));
    }
}
