package com.zylker.portal.crm.web;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.crm.application.LeadCsv;
import com.zylker.portal.crm.application.LeadQuery;
import com.zylker.portal.crm.application.LeadRow;
import com.zylker.portal.crm.application.Leads;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /crm/api/leads/export.csv?status=…&q=…&sort=…&order=…}: the leads screen's current filter as CSV,
 * the same view parameters as the page, so the export link is as shareable as the view. The rows are read
 * before the answer starts (at most {@value Leads#PAGE_LIMIT_RECORDS}, pages of 200), so a Zoho failure is
 * still a clean answer in words (the shared exception mapper) rather than half a file.
 */
@Path("leads")
public class LeadsExportResource {

    @Inject
    Leads leads;

    @Inject
    PortalUser user;

    @GET
    @Path("export.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("sort") String sort, @QueryParam("order") String order) {
        List<LeadRow> rows = leads.export(user.requireEmail(), user.getDataCentre(), LeadQuery.of(status, q, sort, order));
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF'); // so that spreadsheet programs read the names as UTF-8
            LeadCsv.header(w);
            rows.forEach(r -> LeadCsv.row(w, r));
            w.flush();
        };
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore)
                .header("Content-Disposition", "attachment; filename=\"leads.csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
