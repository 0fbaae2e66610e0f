package com.zylker.portal.books.web;

import com.zylker.portal.books.application.Ageing;
import com.zylker.portal.books.application.AgeingSummary;
import com.zylker.portal.books.application.BooksPermissions;
import com.zylker.portal.books.application.BooksWords;
import com.zylker.portal.books.application.InvoiceQuery;
import com.zylker.portal.books.application.Invoices;
import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.ui.Moneys;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.cdi.ViewScoped;

/**
 * Backs {@code index.xhtml} ({@code /books/}): the organization's totals and ageing chart (computed over the
 * whole organization, cached a minute), and the lazy invoice table with its filters from the URL
 * ({@code status}, {@code q}, {@code sort}, {@code order}). State travels in the encrypted view state.
 */
@Named
@ViewScoped(saveInViewState = true)
public class InvoicesView implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PER_PAGE = 25;

    @Inject
    Invoices invoices;

    @Inject
    Ageing ageing;

    @Inject
    Organizations organizations;

    @Inject
    BooksPermissions permissions;

    @Inject
    BooksScreens screens;

    @Inject
    PortalUser user;

    private OrgInfo org;
    private InvoiceQuery query = InvoiceQuery.all();
    private AgeingSummary summary;
    private String summaryProblem;
    private String problem;
    private boolean readOnly;
    private InvoicesLazyModel model;
    private String changeOrgLink;

    @PostConstruct
    void open() {
        Map<String, String> p = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        query = InvoiceQuery.of(p.get("status"), p.get("q"), p.get("sort"), p.get("order"));
        try {
            org = screens.organizationOrChoose(user.requireEmail()).orElse(null);
        } catch (RuntimeException e) {
            problem = screens.words(user.requireEmail(), e);
            return;
        }
        if (org == null) {
            return;
        }
        changeOrgLink = BooksScreens.changeOrgLink();
        readOnly = permissions.readOnly(user.requireEmail(), org.id());
        try {
            summary = ageing.of(user.requireEmail(), organizations.current(user.requireEmail()).orElseThrow());
        } catch (RuntimeException e) {
            summaryProblem = BooksWords.of(e);
        }
        model = new InvoicesLazyModel(invoices, user, org.id(), query);
    }

    /** This screen with other filters. */
    public String link(InvoiceQuery q) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/" + query(q.urlParameters());
    }

    public String sortLink(String column) {
        return link(query.sortedBy(column));
    }

    public String statusLink(String status) {
        return link(InvoiceQuery.of(status, query.text(), query.sort(), query.ascending() ? "asc" : "desc"));
    }

    public String getExportLink() {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/api/invoices/export.csv" + query(query.urlParameters());
    }

    public String sortIndicator(String column) {
        return !column.equals(query.sort()) ? "" : query.ascending() ? " ▲" : " ▼";
    }

    public String ariaSort(String column) {
        return !column.equals(query.sort()) ? "none" : query.ascending() ? "ascending" : "descending";
    }

    public String money(BigDecimal amount, String currency) {
        return Moneys.format(amount, currency, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public List<AgeingChart.Bar> bars(AgeingSummary.CurrencyFigures figures) {
        return AgeingChart.bars(figures);
    }

    public int getChartWidth() {
        return AgeingChart.width();
    }

    public String statusLabel(String status) {
        return status == null ? "" : switch (status) {
            case "partially_paid" -> "Partially paid";
            case "all" -> "All";
            default -> Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('_', ' ');
        };
    }

    public List<String> getStatuses() {
        return List.copyOf(InvoiceQuery.STATUSES.keySet());
    }

    private static String query(Map<String, String> params) {
        return params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public OrgInfo getOrg() {
        return org;
    }

    public InvoiceQuery getQuery() {
        return query;
    }

    public AgeingSummary getSummary() {
        return summary;
    }

    public String getSummaryProblem() {
        return summaryProblem;
    }

    public String getProblem() {
        return problem;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public String getReadOnlyNote() {
        return BooksPermissions.READ_ONLY_NOTE;
    }

    public String getChangeOrgLink() {
        return changeOrgLink;
    }

    public InvoicesLazyModel getModel() {
        return model;
    }

    public int getPerPage() {
        return PER_PAGE;
    }
}
