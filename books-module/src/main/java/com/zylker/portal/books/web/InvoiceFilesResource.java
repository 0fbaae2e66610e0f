package com.zylker.portal.books.web;

import com.zylker.portal.books.application.InvoiceCsv;
import com.zylker.portal.books.application.InvoiceQuery;
import com.zylker.portal.books.application.Invoices;
import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * Files from Books: {@code GET /books/api/invoices/export.csv?status=…&q=…&sort=…&order=…} (the list's filter,
 * at most {@value #MAX_EXPORT} invoices, 1 call per 200) and {@code GET /books/api/invoices/{id}/pdf} (Books'
 * PDF, 1 call). Both in the user's current organization; never cached by the browser.
 */
@Path("invoices")
public class InvoiceFilesResource {

    static final int MAX_EXPORT = 2000;

    @Inject
    Invoices invoices;

    @Inject
    Organizations organizations;

    @Inject
    PortalUser user;

    @GET
    @Path("export.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("sort") String sort, @QueryParam("order") String order) {
        BooksOrganization org = organization();
        String csv = InvoiceCsv.of(invoices.export(user.requireEmail(), org.id(), InvoiceQuery.of(status, q, sort, order), MAX_EXPORT));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"invoices.csv\"")
                .cacheControl(noStore()).build();
    }

    @GET
    @Path("{id:[0-9]{1,40}}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        BooksOrganization org = organization();
        byte[] pdf = invoices.pdf(user.requireEmail(), org.id(), id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"invoice-" + id + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff").cacheControl(noStore()).build();
    }

    private BooksOrganization organization() {
        return organizations.current(user.requireEmail())
                .orElseThrow(() -> new NotFoundException("Choose a Books organization first (/books/organization)."));
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
