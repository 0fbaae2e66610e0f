package com.zylker.portal.web.admin;

import com.zylker.portal.core.admin.PurgeReport;
import com.zylker.portal.core.admin.SessionPurge;
import com.zylker.portal.core.security.PortalUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/admin/purge}: runs the purge now (the admin page's button, for scripts and tests); answers
 * what it removed, or {@code "ran": false} when another node is purging or one started moments ago. Role
 * {@code admin} (web.xml) and the CSRF token like every write.
 */
@Path("admin")
public class AdminApi {

    @Inject
    SessionPurge purge;

    @Inject
    PortalUser user;

    @Inject
    com.zylker.portal.core.session.PortalSessions sessions;

    @Inject
    com.zylker.portal.core.token.TokenStore tokens;

    /** {@code GET /api/admin/stats}: how many tokens (and whose), sessions and pending sign-ins are stored. */
    @jakarta.ws.rs.GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats() {
        if (!user.isAdmin()) {
            return Response.status(403).entity(Map.of("error", "forbidden", "message", "Administrators only.")).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        java.util.List<String> unreadable = new java.util.ArrayList<>();
        java.util.List<String> holders = new java.util.ArrayList<>(tokens.getReadableTokens(row -> unreadable.add(
                row.userName() == null ? "" : row.userName())).stream().map(t -> t.userName() == null ? "" : t.userName())
                .toList());
        holders.addAll(unreadable);
        java.util.Collections.sort(holders);
        body.put("tokens", holders.size());
        body.put("tokenUsers", holders);
        body.put("unreadableTokens", unreadable.size());
        body.put("sessions", sessions.count(null));
        body.put("loginStates", sessions.pendingLogins());
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response purgeNow() {
        if (!user.isAdmin()) {
            return Response.status(403).entity(Map.of("error", "forbidden", "message", "Administrators only.")).build();
        }
        PurgeReport r = purge.runNow(user.requireEmail());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ran", r.ran());
        body.put("node", r.node());
        body.put("sessions", r.sessions());
        body.put("loginStates", r.loginStates());
        body.put("tokens", r.tokens());
        body.put("revokeFailures", r.revokeFailures());
        body.put("auditRows", r.auditRows());
        body.put("durationMillis", r.duration().toMillis());
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }
}
