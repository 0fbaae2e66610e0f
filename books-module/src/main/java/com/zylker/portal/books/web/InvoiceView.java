package com.zylker.portal.books.web;

import com.zylker.portal.books.application.ActionResult;
import com.zylker.portal.books.application.BooksPermissions;
import com.zylker.portal.books.application.BooksWords;
import com.zylker.portal.books.application.EmailForm;
import com.zylker.portal.books.application.FormTokens;
import com.zylker.portal.books.application.InvoiceScreen;
import com.zylker.portal.books.application.Invoices;
import com.zylker.portal.books.application.PaymentForm;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.ui.Moneys;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code invoice.xhtml} ({@code /books/invoice?id=…}): the invoice, its payments, and the actions its
 * status offers — mark as sent, email (prefilled from Books, editable), void (confirmed), record payment. Each
 * action is one call of {@link Invoices}; the answer's screen (balance, status) replaces the shown one, and a
 * refused action keeps the dialog's input. The payment form's one-time token lives here, in the view state.
 */
@Named
@ViewScoped(saveInViewState = true)
public class InvoiceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Invoices invoices;

    @Inject
    BooksScreens screens;

    @Inject
    PortalUser user;

    private OrgInfo org;
    private String changeOrgLink;
    private String id;
    private InvoiceScreen screen;
    private String problem;
    private boolean created;
    private PaymentForm payment = new PaymentForm();
    private String paymentToken = FormTokens.newToken();
    private String paymentProblem;
    private EmailForm email = new EmailForm();
    private String emailProblem;

    @PostConstruct
    void open() {
        Map<String, String> p = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        id = p.get("id");
        created = "1".equals(p.get("created"));
        if (id == null || !id.matches("[0-9]{1,40}")) {
            problem = "No invoice is named in the address. Choose one from the list.";
            return;
        }
        try {
            org = screens.organizationOrChoose(user.requireEmail()).orElse(null);
            if (org == null) {
                return;
            }
            changeOrgLink = BooksScreens.changeOrgLink();
            screen = invoices.open(user.requireEmail(), org.id(), id);
            resetPayment();
        } catch (RuntimeException e) {
            problem = screens.words(user.requireEmail(), e);
        }
    }

    public void markSent() {
        apply(invoices.markSent(user.requireEmail(), org.id(), id), null);
    }

    public void voidInvoice() {
        apply(invoices.voidInvoice(user.requireEmail(), org.id(), id), null);
    }

    /** Opens the email dialog with Books' prefilled content (1 call). */
    public void prepareEmail() {
        emailProblem = null;
        try {
            email = invoices.emailForm(user.requireEmail(), org.id(), id);
        } catch (RuntimeException e) {
            emailProblem = BooksWords.of(e);
            refreshIfReadOnly();
        }
    }

    public void sendEmail() {
        ActionResult r = invoices.email(user.requireEmail(), org.id(), id, email);
        emailProblem = r.ok() ? null : r.message();
        apply(r, "email-form:email-problem");
    }

    public void recordPayment() {
        ActionResult r = invoices.recordPayment(user.requireEmail(), org.id(), screen, paymentToken, payment);
        paymentProblem = r.ok() ? null : r.message();
        apply(r, "payment-form:payment-problem");
        if (r.ok()) {
            paymentToken = FormTokens.newToken();
            resetPayment();
        }
    }

    private void apply(ActionResult r, String problemField) {
        created = false;
        if (r.screen() != null) {
            screen = r.screen();
        }
        BooksScreens.message(null, r.ok() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, r.message());
        if (r.ok()) {
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        }
    }

    private void refreshIfReadOnly() {
        if (screen != null && !screen.readOnly()) {
            try {
                screen = invoices.open(user.requireEmail(), org.id(), id);
            } catch (RuntimeException ignored) {
                // keep the screen as shown
            }
        }
    }

    private void resetPayment() {
        payment = new PaymentForm();
        if (screen != null) {
            payment.setAmount(screen.invoice().summary().balance());
            payment.setDate(LocalDate.now(ZoneId.of("UTC")));
        }
    }

    public String money(BigDecimal amount) {
        return Moneys.format(amount, screen == null ? null : screen.invoice().summary().currencyCode(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String statusLabel(String status) {
        return status == null ? "" : "partially_paid".equals(status) ? "Partially paid"
                : Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('_', ' ');
    }

    public List<String> getPaymentModes() {
        return List.of("banktransfer", "cash", "check", "creditcard", "bankremittance", "others");
    }

    public String modeLabel(String mode) {
        return switch (mode == null ? "" : mode) {
            case "banktransfer" -> "Bank transfer";
            case "cash" -> "Cash";
            case "check" -> "Cheque";
            case "creditcard" -> "Credit card";
            case "bankremittance" -> "Bank remittance";
            case "autotransaction" -> "Automatic";
            case "others" -> "Other";
            default -> mode;
        };
    }

    public String getPdfLink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/invoices/" + id + "/pdf";
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

    public String getId() {
        return id;
    }

    public InvoiceScreen getScreen() {
        return screen;
    }

    public String getProblem() {
        return problem;
    }

    public boolean isCreated() {
        return created;
    }

    public PaymentForm getPayment() {
        return payment;
    }

    public String getPaymentProblem() {
        return paymentProblem;
    }

    public EmailForm getEmail() {
        return email;
    }

    public String getEmailProblem() {
        return emailProblem;
    }
}
