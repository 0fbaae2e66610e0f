package com.zylker.portal.crm.web;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.crm.application.LeadCreation;
import com.zylker.portal.crm.application.LeadForm;
import com.zylker.portal.crm.application.LeadLinks;
import com.zylker.portal.crm.application.LeadPicklists;
import com.zylker.portal.crm.application.LeadQuery;
import com.zylker.portal.crm.application.LeadRow;
import com.zylker.portal.crm.application.LeadStatusChange;
import com.zylker.portal.crm.application.Leads;
import com.zylker.portal.crm.application.LeadsScreen;
import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code leads.xhtml} ({@code /crm/leads}): the view parameters ({@code status}, {@code q}, {@code sort},
 * {@code order}, {@code id}), the lazy table, the side panel with its inline status change, and the new-lead
 * dialog. Each action is one call of {@link Leads}; Zoho failures become messages in words here (not through
 * the shared handler) because the screen must also put things back: the status select shows the old value,
 * the dialog keeps what was typed. State lives in the encrypted view state, so any node serves the next click.
 */
@Named
@ViewScoped(saveInViewState = true)
public class LeadsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM uuuu, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    @Inject
    Leads leads;

    @Inject
    LeadLinks links;

    @Inject
    PortalUser user;

    private String status;
    private String q;
    private String sort;
    private String order;
    private String id;

    private LeadQuery query = LeadQuery.all();
    private LeadPicklists picklists = new LeadPicklists(List.of(), List.of(), List.of(), null);
    private LeadsLazyModel model;
    private LeadRow selected;
    private boolean selectedMissing;
    private String statusChoice;

    private LeadForm form = new LeadForm();
    /** One-time id of the dialog's current form; a new one after each lead created (see LeadSubmissions). */
    private String submissionId = newSubmissionId();
    private LeadCreation creation;
    private String createdName;
    private String createProblem;

    /**
     * Opening the page (a GET: the bean is new; postbacks restore it from the view state): reads the view
     * parameters, the picklists and the lead the URL names. Read here rather than with {@code <f:viewParam>}
     * because the shared layout has no place for {@code <f:metadata>}; the parameters are the same.
     */
    @PostConstruct
    void open() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        status = params.get("status");
        q = params.get("q");
        sort = params.get("sort");
        order = params.get("order");
        id = params.get("id");
        query = LeadQuery.of(status, q, sort, order);
        String problem = null;
        try {
            LeadsScreen screen = leads.open(user.requireEmail(), user.getDataCentre(), id);
            picklists = screen.picklists();
            selected = screen.selected();
            selectedMissing = screen.missing();
            statusChoice = selected == null ? null : selected.leadStatus();
        } catch (RuntimeException e) {
            problem = words(e);
        }
        model = new LeadsLazyModel(leads, user, query, problem);
    }

    /** The panel's status select changed: one update; on any refusal the select shows the old status again. */
    public void changeStatus() {
        if (selected == null) {
            return;
        }
        String wanted = statusChoice;
        try {
            LeadStatusChange change = leads.changeStatus(user.requireEmail(), user.getDataCentre(), selected, wanted);
            if (change.changed()) {
                selected = change.lead();
                info("lead-panel-form:lead-status", change.message());
            } else {
                error("lead-panel-form:lead-status", change.message());
            }
        } catch (RuntimeException e) {
            error("lead-panel-form:lead-status", words(e) + " The panel shows the status as last read from Zoho CRM;"
                    + " reload the page to see whether the change arrived.");
        }
        statusChoice = selected.leadStatus();
    }

    /** The dialog's Save: one create at most per form (double clicks and resent forms included). */
    public void create() {
        createProblem = null;
        try {
            creation = leads.create(user.requireEmail(), user.getDataCentre(), submissionId, form);
        } catch (RuntimeException e) {
            String words = words(e);
            if (e instanceof ZohoApiException z && z.kind() == ZohoApiException.Kind.UNAVAILABLE) {
                // A create that timed out may still have happened at Zoho; resending then hits the email check.
                words += " The lead may or may not have been saved: search for its email before saving again.";
            }
            creation = null;
            createProblem = words;
            return;
        }
        if (creation.created()) {
            createdName = (blank(form.getFirstName()) ? "" : form.getFirstName().strip() + " ") + form.getLastName().strip();
            form = new LeadForm();
            submissionId = newSubmissionId();
            // The new lead is the newest: show it in the table (one list call).
            PrimeFaces.current().ajax().update("leads-table-form");
        }
    }

    /** "Add another" after a lead was saved: an empty form, no call. */
    public void another() {
        creation = null;
        createProblem = null;
        createdName = null;
        form = new LeadForm();
        submissionId = newSubmissionId();
    }

    /** A link to this screen with the current filters and, optionally, a lead opened in the panel. */
    public String link(String leadId) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "status", query.status());
        put(params, "q", query.text());
        if (query.sort() != LeadQuery.Sort.CREATED) {
            params.put("sort", query.sort().param());
        }
        if (query.ascending()) {
            params.put("order", "asc");
        }
        put(params, "id", leadId);
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/leads" + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** The CSV export of the current filter (a GET, so it is a plain link). */
    public String getExportLink() {
        String link = link(null);
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/api/leads/export.csv" + link.substring((context + "/leads").length());
    }

    public String getZohoCrmLink() {
        return selected == null ? null : links.inZohoCrm(user.getDataCentre(), selected.id()).orElse(null);
    }

    /** The statuses to offer: CRM's picklist, plus the lead's own if CRM no longer lists it. */
    public List<String> getStatusOptions() {
        List<String> options = new ArrayList<>(picklists.statuses());
        if (selected != null && selected.leadStatus() != null && !options.contains(selected.leadStatus())) {
            options.add(0, selected.leadStatus());
        }
        return options;
    }

    private String words(RuntimeException e) {
        Optional<ZohoFailure> failure = ZohoFailures.of(e);
        if (failure.isEmpty()) {
            throw e;
        }
        return failure.get().message();
    }

    private static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    private static void info(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
    }

    private static String newSubmissionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (!blank(value)) {
            params.put(key, value);
        }
    }

    // ---- properties ----------------------------------------------------------------------------------

    public String getStatus() {
        return status;
    }


    public String getQ() {
        return q;
    }


    public String getSort() {
        return sort;
    }


    public String getOrder() {
        return order;
    }


    public String getId() {
        return id;
    }


    public LeadQuery getQuery() {
        return query;
    }

    public LeadPicklists getPicklists() {
        return picklists;
    }

    public LeadsLazyModel getModel() {
        return model;
    }

    public LeadRow getSelected() {
        return selected;
    }

    public boolean isSelectedMissing() {
        return selectedMissing;
    }

    public String getStatusChoice() {
        return statusChoice;
    }

    public void setStatusChoice(String statusChoice) {
        this.statusChoice = statusChoice;
    }

    public LeadForm getForm() {
        return form;
    }

    public LeadCreation getCreation() {
        return creation;
    }

    /** Why the last save failed when Zoho did not answer properly, in words; {@code null} otherwise. */
    public String getCreateProblem() {
        return createProblem;
    }

    /** A time from Zoho for people: "6 Jan 2025, 09:00 UTC", or "—". */
    public String when(java.time.Instant t) {
        return t == null ? "\u2014" : WHEN.format(t);
    }

    public String getCreatedName() {
        return createdName;
    }

    public int getPerPage() {
        return Leads.PER_PAGE;
    }
}
