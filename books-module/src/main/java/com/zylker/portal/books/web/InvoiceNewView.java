package com.zylker.portal.books.web;

import com.zylker.portal.books.application.BooksPermissions;
import com.zylker.portal.books.application.BooksWords;
import com.zylker.portal.books.application.CreationResult;
import com.zylker.portal.books.application.Customers;
import com.zylker.portal.books.application.DealInvoices;
import com.zylker.portal.books.application.DealPrefill;
import com.zylker.portal.books.application.FormTokens;
import com.zylker.portal.books.application.InvoiceCreation;
import com.zylker.portal.books.application.InvoiceForm;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.zoho.books.BooksContact;
import com.zylker.portal.ui.Moneys;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.ViewScoped;

/**
 * Backs {@code invoice-new.xhtml} ({@code /books/invoice-new}, {@code ?deal=<CRM deal id>} for a won
 * enrolment): the customer autocomplete, lines with live totals, dates, and Save (validated before any call,
 * one create per form token, then the saved invoice is shown). From a deal: the line is prefilled, the
 * customer comes from CRM, and an invoice already raised for the deal is shown first.
 */
@Named
@ViewScoped(saveInViewState = true)
public class InvoiceNewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InvoiceCreation creation;

    @Inject
    DealInvoices deals;

    @Inject
    Customers customers;

    @Inject
    BooksPermissions permissions;

    @Inject
    BooksScreens screens;

    @Inject
    PortalUser user;

    private OrgInfo org;
    private String changeOrgLink;
    private String problem;
    private boolean readOnly;
    private InvoiceForm form = new InvoiceForm();
    private String token = FormTokens.newToken();
    private DealPrefill deal;
    private boolean secondConfirmed;
    private BooksContact customer;
    private final Map<String, BooksContact> suggestions = new HashMap<>();
    private CreationResult result;

    @PostConstruct
    void open() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String dealId = params.get("deal");
        String customerId = params.get("customer");
        try {
            org = screens.organizationOrChoose(user.requireEmail()).orElse(null);
            if (org == null) {
                return;
            }
            changeOrgLink = BooksScreens.changeOrgLink();
            readOnly = permissions.readOnly(user.requireEmail(), org.id());
            LocalDate today = creation.today(zone());
            form.setDate(today);
            form.setDueDate(today.plusDays(15));
            if (dealId == null && customerId != null && customerId.matches("[0-9]{1,40}")) {
                customer = customers.byId(user.requireEmail(), org.id(), customerId);
                suggestions.put(customer.id(), customer);
                customerChosen();
            }
            if (dealId != null) {
                if (!DealInvoices.validDealId(dealId)) {
                    problem = "The address names no valid CRM deal.";
                    return;
                }
                deal = deals.prefill(user.requireEmail(), org.id(), dealId).orElse(null);
                if (deal == null) {
                    problem = "Zoho CRM has no deal " + dealId + ". Open the invoice from the pipeline board's Closed Won card.";
                    return;
                }
                form.setDealId(dealId);
                form.getLines().clear();
                form.getLines().add(new InvoiceForm.Line("Tuition — " + (deal.dealName() == null ? "enrolment " + dealId : deal.dealName()),
                        BigDecimal.ONE, deal.amount()));
                customer = deal.customer();
                if (customer != null) {
                    form.setCustomerId(customer.id());
                    form.setCustomerName(customer.name());
                }
            }
        } catch (RuntimeException e) {
            problem = screens.words(user.requireEmail(), e);
        }
    }

    private java.time.ZoneId zone() {
        try {
            return org.timeZone() == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(org.timeZone());
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    /** The autocomplete's suggestions (at least 3 characters; cached per organization and text). */
    public List<BooksContact> complete(String text) {
        try {
            List<BooksContact> found = customers.search(user.requireEmail(), org.id(), text);
            found.forEach(c -> suggestions.put(c.id(), c));
            return found;
        } catch (RuntimeException e) {
            BooksScreens.message("invoice-form:customer", FacesMessage.SEVERITY_ERROR, BooksWords.of(e));
            return List.of();
        }
    }

    public void customerChosen() {
        form.setCustomerId(customer == null ? null : customer.id());
        form.setCustomerName(customer == null ? null : customer.name());
    }

    public void addLine() {
        form.addLine();
    }

    public void removeLine(int index) {
        form.removeLine(index);
    }

    /** "Create another invoice for this deal": the user saw the existing one and wants a second. */
    public void confirmSecond() {
        secondConfirmed = true;
    }

    public void save() {
        if (customer != null && deal == null) {
            customerChosen();
        }
        result = creation.create(user.requireEmail(), org.id(), org.currency(), token, form,
                deal == null ? null : deal);
        if (!result.problems().isEmpty()) {
            result.problems().forEach(p -> BooksScreens.message(null, FacesMessage.SEVERITY_ERROR, p));
            return;
        }
        if (result.message() != null) {
            BooksScreens.message(null, FacesMessage.SEVERITY_ERROR, result.message());
            readOnly = permissions.readOnly(user.requireEmail(), org.id());
            return;
        }
        switch (result.submission().outcome()) {
            case DONE, FOUND, REPEATED -> BooksScreens.redirect("/invoice?id=" + result.invoiceId() + "&created=1");
            case IN_PROGRESS -> BooksScreens.message(null, FacesMessage.SEVERITY_WARN,
                    "This invoice is already being saved — wait a moment, then look for it in the list.");
            case UNKNOWN -> BooksScreens.message(null, FacesMessage.SEVERITY_WARN, "Zoho Books did not answer in time:"
                    + " the invoice may or may not have been created. Press Save again: the portal first looks for it in"
                    + " Books (by its reference) and creates it only if it is not there.");
        }
    }

    public String money(BigDecimal amount) {
        return Moneys.format(amount, org == null ? null : org.currency(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String lineTotal(InvoiceForm.Line line) {
        return money(form.lineTotal(line, org == null ? null : org.currency()));
    }

    public String getTotal() {
        return money(form.total(org == null ? null : org.currency()));
    }

    /** Whether the existing invoice for the deal must be shown before a second one can be made. */
    public boolean isExistingFirst() {
        return deal != null && deal.existingInvoice() != null && !secondConfirmed;
    }

    public BooksContact suggestion(String id) {
        return suggestions.get(id);
    }

    /** Books contacts by id, for the autocomplete (stateless: it asks this view for what it suggested). */
    public static final class CustomerConverter implements Converter<BooksContact>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public BooksContact getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            InvoiceNewView view = context.getApplication().evaluateExpressionGet(context, "#{invoiceNewView}", InvoiceNewView.class);
            BooksContact c = view.suggestion(value);
            if (c == null && view.customer != null && view.customer.id().equals(value)) {
                return view.customer;
            }
            return c;
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, BooksContact value) {
            return value == null ? "" : value.id();
        }
    }

    public Converter<BooksContact> getCustomerConverter() {
        return new CustomerConverter();
    }

    public String getReadOnlyNote() {
        return BooksPermissions.READ_ONLY_NOTE;
    }

    public OrgInfo getOrg() {
        return org;
    }

    public String getChangeOrgLink() {
        return changeOrgLink;
    }

    public String getProblem() {
        return problem;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public InvoiceForm getForm() {
        return form;
    }

    public DealPrefill getDeal() {
        return deal;
    }

    public BooksContact getCustomer() {
        return customer;
    }

    public void setCustomer(BooksContact customer) {
        this.customer = customer;
    }

    public CreationResult getResult() {
        return result;
    }

    public int getMinChars() {
        return Customers.MIN_CHARS;
    }
}
