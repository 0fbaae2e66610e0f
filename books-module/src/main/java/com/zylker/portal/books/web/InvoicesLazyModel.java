package com.zylker.portal.books.web;

import com.zylker.portal.books.application.BooksWords;
import com.zylker.portal.books.application.InvoiceQuery;
import com.zylker.portal.books.application.Invoices;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.zoho.books.BooksInvoice;
import com.zylker.portal.core.zoho.books.BooksPage;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The invoice table on Books' paging: each {@code load} is one {@code GET /invoices} for one page (Books pages
 * are any size up to 200, so a table page is a Books page). Books gives no total: the count is the rows up to
 * this page plus one page when {@code has_more_page}. A failure becomes {@link #getProblem()} in words; the
 * model never retries on its own. The user comes from the request, never from the view state.
 */
public class InvoicesLazyModel extends LazyDataModel<BooksInvoice> {

    private static final long serialVersionUID = 1L;

    private final Invoices invoices;
    private final PortalUser user;
    private final String organizationId;
    private final InvoiceQuery query;
    private String problem;
    private int page = 1;
    private boolean more;

    InvoicesLazyModel(Invoices invoices, PortalUser user, String organizationId, InvoiceQuery query) {
        this.invoices = invoices;
        this.user = user;
        this.organizationId = organizationId;
        this.query = query;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return getRowCount() < 0 ? 0 : getRowCount();
    }

    @Override
    public List<BooksInvoice> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        page = first / pageSize + 1;
        try {
            BooksPage<BooksInvoice> p = invoices.page(user.requireEmail(), organizationId, query, page, pageSize);
            problem = null;
            more = p.hasMorePage();
            setRowCount(first + p.items().size() + (more ? pageSize : 0));
            return p.items();
        } catch (RuntimeException e) {
            problem = BooksWords.of(e);
            more = false;
            setRowCount(0);
            return List.of();
        }
    }

    @Override
    public String getRowKey(BooksInvoice invoice) {
        return invoice.id();
    }

    @Override
    public BooksInvoice getRowData(String rowKey) {
        List<BooksInvoice> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> r.id().equals(rowKey)).findFirst().orElse(null);
    }

    public String getProblem() {
        return problem;
    }

    public int getPage() {
        return page;
    }

    public boolean isMore() {
        return more;
    }
}
