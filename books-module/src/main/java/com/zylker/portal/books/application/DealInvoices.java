package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.books.BooksContact;
import com.zylker.portal.core.zoho.books.BooksInvoice;
import com.zylker.portal.core.zoho.books.NewBooksContact;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import com.zylker.portal.core.zoho.crm.CrmModule;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invoices from won enrolments: the CRM deal and its contact (2 CRM calls), the Books customer with the
 * contact's email (1 Books call) and an invoice already raised for the deal — found by the deal id Books
 * keeps in {@code reference_number} (1 Books call). On save the customer is created when Books has none
 * with that email (the CRM → Books contact sync: name, email, {@code zcrm_contact_id}), and reused after.
 */
@ApplicationScoped
public class DealInvoices {

    static final CrmModule<Map<String, String>> DEALS = CrmModule.of("Deals",
            "Deal_Name,Stage,Amount,Contact_Name,Account_Name,Closing_Date");
    static final CrmModule<Map<String, String>> CONTACTS = CrmModule.of("Contacts",
            "First_Name,Last_Name,Full_Name,Email,Account_Name");
    private static final Pattern CRM_ID = Pattern.compile("[0-9]{1,30}");

    @Inject
    ZohoCrmClient crm;

    @Inject
    ZohoBooksClient books;

    @Inject
    Customers customers;

    /** What Books keeps in {@code reference_number} for the deal's invoice. */
    public static String dealMarker(String dealId) {
        return "CRM-DEAL-" + dealId;
    }

    public static boolean validDealId(String dealId) {
        return dealId != null && CRM_ID.matcher(dealId).matches();
    }

    /** The deal, or empty when CRM has none with that id. */
    public Optional<DealPrefill> prefill(String user, String organizationId, String dealId) {
        if (!validDealId(dealId)) {
            return Optional.empty();
        }
        Optional<Map<String, String>> found = crm.get(user, DEALS, dealId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> deal = found.get();
        String contactId = deal.get("Contact_Name.id");
        Map<String, String> contact = contactId == null || !CRM_ID.matcher(contactId).matches() ? Map.of()
                : crm.get(user, CONTACTS, contactId).orElse(Map.of());
        String email = contact.get("Email");
        String name = contact.getOrDefault("Full_Name", deal.get("Contact_Name.name"));
        BooksContact customer = email == null || email.isBlank() ? null : customerWithEmail(user, organizationId, email).orElse(null);
        BooksInvoice existing = existingInvoice(user, organizationId, dealId).orElse(null);
        return Optional.of(new DealPrefill(dealId, deal.get("Deal_Name"), deal.get("Stage"), amount(deal.get("Amount")),
                contactId, name, contact.get("First_Name"), contact.get("Last_Name"), email,
                deal.get("Account_Name.name"), customer, existing));
    }

    /** An invoice whose reference names the deal (the newest first). */
    public Optional<BooksInvoice> existingInvoice(String user, String organizationId, String dealId) {
        String marker = dealMarker(dealId);
        return books.invoices(user, organizationId, Map.of("filter_by", "Status.All", "search_text", marker), 1, 50)
                .items().stream().filter(i -> hasToken(i.referenceNumber(), marker)).findFirst();
    }

    /** The deal's customer in Books: found by email, else created (1 call, 2 when it is created). */
    public BooksContact ensureCustomer(String user, String organizationId, DealPrefill deal) {
        if (deal.email() != null && !deal.email().isBlank()) {
            Optional<BooksContact> existing = customerWithEmail(user, organizationId, deal.email());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String name = deal.contactName() == null || deal.contactName().isBlank()
                ? (deal.email() == null ? "CRM contact " + deal.crmContactId() : deal.email()) : deal.contactName().strip();
        NewBooksContact contact = new NewBooksContact(name, deal.firstName(), deal.lastName(), deal.email(),
                deal.accountName(), deal.crmContactId());
        BooksContact created;
        try {
            created = books.createContact(user, organizationId, contact);
        } catch (ZohoApiException z) {
            // Books wants unique names: another customer has this one, with another email.
            if (z.kind() != ZohoApiException.Kind.INVALID_REQUEST || !"3062".equals(z.zohoCode()) || deal.email() == null) {
                throw z;
            }
            created = books.createContact(user, organizationId, new NewBooksContact(name + " (" + deal.email() + ")",
                    deal.firstName(), deal.lastName(), deal.email(), deal.accountName(), deal.crmContactId()));
        }
        customers.forgetSearches();
        return created;
    }

    private Optional<BooksContact> customerWithEmail(String user, String organizationId, String email) {
        return books.contacts(user, organizationId, email, 1, 50).items().stream()
                .filter(c -> c.email() != null && c.email().strip().equalsIgnoreCase(email.strip())).findFirst();
    }

    static boolean hasToken(String reference, String token) {
        return reference != null && Arrays.asList(reference.split("\\s+")).contains(token);
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
