package com.zylker.portal.crm.web;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.crm.application.DealSummaries;
import com.zylker.portal.crm.application.OpenDealsSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /crm/api/summary}: the signed-in user's open deals by stage, for the dashboard ({@code /home} loads
 * it after the page appears). {@code POST /crm/api/summary/refresh} drops the cached figures and computes
 * them again, for the dashboard's "Refresh" button.
 */
@Path("summary")
public class SummaryResource {

    @Inject
    DealSummaries summaries;

    @Inject
    PortalUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        return privateJson(summaries.summaryFor(user.requireEmail(), session(), user.getDataCentre()));
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        summaries.forget(user.requireEmail(), session());
        return privateJson(summaries.summaryFor(user.requireEmail(), session(), user.getDataCentre()));
    }

    private String session() {
        return user.session().orElseThrow(() -> new IllegalStateException("no portal session")).publicId();
    }

    private static Response privateJson(OpenDealsSummary summary) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(summary).cacheControl(noStore).build();
    }
}
