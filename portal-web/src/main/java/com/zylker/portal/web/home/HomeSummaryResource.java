package com.zylker.portal.web.home;

import com.zylker.portal.core.security.PortalUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/home/summary}: the signed-in user's open deals by stage, as JSON for the home page. */
@Path("home/summary")
public class HomeSummaryResource {

    @Inject
    HomeSummaryService summaries;

    @Inject
    PortalUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(summaries.summaryFor(user.requireEmail())).cacheControl(noStore).build();
    }
}
