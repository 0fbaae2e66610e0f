package com.zylker.portal.web.admin;

import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.session.PortalSessions.SessionRow;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The sessions table on the database's paging: one count and one page query per render. */
public class SessionsLazyModel extends LazyDataModel<SessionRow> {

    private static final long serialVersionUID = 1L;

    private final PortalSessions sessions;
    private final String userFilter;

    SessionsLazyModel(PortalSessions sessions, String userFilter) {
        this.sessions = sessions;
        this.userFilter = userFilter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, sessions.count(userFilter));
    }

    @Override
    public List<SessionRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        String field = "created";
        boolean ascending = false;
        for (SortMeta sort : sortBy.values()) {
            if (sort.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            field = sortField(sort.getField());
            ascending = sort.getOrder() == SortOrder.ASCENDING;
            break;
        }
        setRowCount(count(filterBy));
        return sessions.page(userFilter, field, ascending, first, pageSize);
    }

    /** The column's sort expression (e.g. {@code s.session().lastSeenAt()}) as a sort key of {@link PortalSessions#page}. */
    static String sortField(String expression) {
        String e = expression == null ? "" : expression;
        if (java.util.Set.of("user", "dataCentre", "created", "lastSeen", "clientIp", "tokenExpiry").contains(e)) {
            return e;
        }
        if (e.contains("userEmail")) {
            return "user";
        }
        if (e.contains("lastSeen")) {
            return "lastSeen";
        }
        if (e.contains("dataCentre")) {
            return "dataCentre";
        }
        if (e.contains("clientIp")) {
            return "clientIp";
        }
        if (e.contains("tokenExpiry")) {
            return "tokenExpiry";
        }
        return "created";
    }

    @Override
    public String getRowKey(SessionRow row) {
        return row.session().publicId();
    }

    @Override
    public SessionRow getRowData(String rowKey) {
        return null;
    }
}
