package com.zylker.portal.crm.web;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.crm.application.LeadPage;
import com.zylker.portal.crm.application.LeadQuery;
import com.zylker.portal.crm.application.LeadRow;
import com.zylker.portal.crm.application.Leads;
import com.zylker.portal.ui.ZohoFailure;
import com.zylker.portal.ui.ZohoFailures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The leads table's {@link LazyDataModel} on CRM's paging: each {@code load} is one list or search call for
 * one page. CRM has no total, so {@code count} is what is known — the rows up to the page shown plus one when
 * CRM says there are more ({@link LeadPage#rowCountEstimate()}) — and the paginator offers "next" only then.
 * A Zoho failure while loading (this runs while the page renders, too late for a growl) becomes
 * {@link #getProblem()}, shown in the table's empty message in words; the model does not call again on its own.
 * Who is asking comes from the request ({@link PortalUser}), never from the view state, which a browser can
 * replay.
 */
public class LeadsLazyModel extends LazyDataModel<LeadRow> {

    private static final long serialVersionUID = 1L;

    private final Leads leads;
    private final PortalUser user;
    private final LeadQuery query;
    private String problem;
    private int page = 1;
    private boolean more;
    /** Opening the screen already failed: its first render must not ask Zoho again (no retry storm on a 429). */
    private boolean skipFirstLoad;

    /** @param openingProblem why opening the screen failed, in words, or {@code null} */
    LeadsLazyModel(Leads leads, PortalUser user, LeadQuery query, String openingProblem) {
        this.leads = leads;
        this.user = user;
        this.query = query;
        this.problem = openingProblem;
        this.skipFirstLoad = openingProblem != null;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return getRowCount() < 0 ? 0 : getRowCount();
    }

    @Override
    public List<LeadRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (skipFirstLoad) {
            skipFirstLoad = false;
            return List.of();
        }
        page = first / pageSize + 1;
        try {
            LeadPage p = leads.page(user.requireEmail(), user.getDataCentre(), query, page, pageSize);
            problem = null;
            more = p.more();
            setRowCount(p.rowCountEstimate());
            return p.rows();
        } catch (RuntimeException e) {
            Optional<ZohoFailure> failure = ZohoFailures.of(e);
            if (failure.isEmpty()) {
                throw e;
            }
            problem = failure.get().message();
            more = false;
            setRowCount(0);
            return List.of();
        }
    }

    @Override
    public String getRowKey(LeadRow lead) {
        return lead.id();
    }

    @Override
    public LeadRow getRowData(String rowKey) {
        List<LeadRow> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> r.id().equals(rowKey)).findFirst().orElse(null);
    }

    /** Why the table is empty when Zoho failed, in words; {@code null} otherwise. */
    public String getProblem() {
        return problem;
    }

    public int getPage() {
        return page;
    }

    public boolean isMore() {
        return more;
    }

    public LeadQuery getQuery() {
        return query;
    }
}
