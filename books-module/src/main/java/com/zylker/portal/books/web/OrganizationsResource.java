package com.zylker.portal.books.web;

import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.security.PortalUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /books/api/organizations}: the signed-in user's Books organizations (id, name, currency, default). */
@Path("organizations")
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @Inject
    PortalUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(organizations.of(user.requireEmail())).cacheControl(noStore).build();
    }
}
