package com.zylker.portal.web.admin;

import com.zylker.portal.core.admin.AuditAction;
import com.zylker.portal.core.admin.AuditEvent;
import com.zylker.portal.core.admin.AuditTrail;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit table on the database's paging, newest first, with the URL's filters. */
public class AuditLazyModel extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    private final AuditTrail audit;
    private final AuditAction action;
    private final String who;

    AuditLazyModel(AuditTrail audit, AuditAction action, String who) {
        this.audit = audit;
        this.action = action;
        this.who = who;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, audit.count(action, who));
    }

    @Override
    public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        setRowCount(count(filterBy));
        return audit.page(action, who, first, pageSize);
    }

    @Override
    public String getRowKey(AuditEvent event) {
        return Long.toString(event.id());
    }

    @Override
    public AuditEvent getRowData(String rowKey) {
        return null;
    }
}
