package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksContact;
import com.zylker.portal.core.zoho.books.NewBooksInvoice;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves a new invoice as a draft: the form is checked before any call; then, once per form token
 * ({@link FormTokens}), 1 {@code POST /invoices} (for a deal, the customer is found by email first and created
 * when missing). The invoice's {@code reference_number} carries the form's marker (and the deal's id), so a
 * create whose answer was lost is found instead of made twice.
 */
@ApplicationScoped
public class InvoiceCreation {

    @Inject
    ZohoBooksClient books;

    @Inject
    FormTokens tokens;

    @Inject
    BooksPermissions permissions;

    @Inject
    DealInvoices deals;

    @Inject
    Ageing ageing;

    @Inject
    java.time.Clock clock;

    /** Today in the organization's time zone, on the portal's clock. */
    public java.time.LocalDate today(java.time.ZoneId zone) {
        return java.time.LocalDate.now(clock.withZone(zone));
    }

    public CreationResult create(String user, String organizationId, String currency, String token, InvoiceForm form,
                                 DealPrefill deal) {
        List<String> problems = form.problems();
        if (deal != null) {
            problems = problems.stream().filter(p -> !p.startsWith("Choose a customer")).toList();
        }
        if (!problems.isEmpty()) {
            return CreationResult.invalid(problems);
        }
        String marker = FormTokens.marker(token);
        String reference = deal == null ? marker : DealInvoices.dealMarker(deal.dealId()) + " " + marker;
        List<NewBooksInvoice.Line> lines = form.filledLines().stream().map(l -> new NewBooksInvoice.Line(
                l.getDescription().strip(), l.getQuantity(), BooksMoney.round(l.getRate(), currency))).toList();
        Submission s;
        try {
            s = permissions.write(user, organizationId, () -> tokens.submit(user, token,
                    () -> withMarker(user, organizationId, marker),
                    () -> {
                        String customerId = form.getCustomerId();
                        if (deal != null) {
                            BooksContact customer = deals.ensureCustomer(user, organizationId, deal);
                            customerId = customer.id();
                        }
                        return books.createInvoice(user, organizationId, new NewBooksInvoice(customerId, form.getDate(),
                                form.getDueDate(), reference, lines)).summary().id();
                    }));
        } catch (RuntimeException e) {
            return CreationResult.refused(BooksWords.of(e));
        }
        ageing.forget(organizationId);
        return CreationResult.submitted(s);
    }

    /** The invoice whose reference carries the marker (1 call). */
    Optional<String> withMarker(String user, String organizationId, String marker) {
        return books.invoices(user, organizationId, Map.of("filter_by", "Status.All", "search_text", marker), 1, 50)
                .items().stream().filter(i -> DealInvoices.hasToken(i.referenceNumber(), marker)).map(i -> i.id()).findFirst();
    }
}
