package com.zylker.portal.web.account;

import com.zylker.portal.core.security.PortalUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/account/problem-reports} with {@code {"area": "invoices", "details": "…", "page": "/books/"}}:
 * the same report as the wizard on /account, for page scripts (e.g. a "Report this" button beside a failed
 * load); answers 201 with {@code {"reference": "ZY-…"}}. A write: the CSRF filter wants the session's token
 * in {@code X-CSRF-Token} (zylker.js adds it to same-origin fetch calls).
 */
@Path("account/problem-reports")
public class AccountApi {

    @Inject
    ProblemReports reports;

    @Inject
    PortalUser user;

    /** The request body; a class with a no-argument constructor, as JSON-B binds it. */
    public static class NewReport {
        public String area;
        public String details;
        public String page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(NewReport body) {
        ProblemArea area = parseArea(body == null ? null : body.area);
        if (area == null || body.details == null || body.details.isBlank() || body.details.length() > ProblemReports.MAX_DETAILS
                || (body.page != null && body.page.length() > ProblemReports.MAX_PAGE)) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", "invalid",
                    "message", "Say what the problem is about (pipeline, enquiries, invoices, sign_in, other) and what"
                            + " happened, in under 2,000 characters.")).build();
        }
        ProblemReport report = reports.submit(user.requireEmail(), area, body.details, body.page);
        return Response.status(201).entity(Map.of("reference", report.reference())).header("Cache-Control", "no-store").build();
    }

    private static ProblemArea parseArea(String area) {
        if (area == null) {
            return null;
        }
        try {
            return ProblemArea.valueOf(area.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
