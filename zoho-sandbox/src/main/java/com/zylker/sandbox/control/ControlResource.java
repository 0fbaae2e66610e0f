package com.zylker.sandbox.control;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.data.SeedData;
import com.zylker.sandbox.web.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The test and demo remote control at {@code <base>/control}: reset, counters, faults, clock, token lifetime,
 * revoking a user, bulk data. Answers 403 on every path when {@code sandbox.control.enabled} is false.
 */
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
// JSON only: a web page can send a text/plain or form POST to localhost without a preflight, and must not
// be able to reset the sandbox or inject faults on a developer's machine.
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class ControlResource {

    @Inject
    Sandbox sandbox;

    @POST
    @Path("reset")
    public Response reset() {
        return guarded(() -> {
            sandbox.reset();
            return ok(Map.of("status", "success"));
        });
    }

    @GET
    @Path("counters")
    public Response counters() {
        return guarded(() -> ok(sandbox.counters().snapshot()));
    }

    /** {@code {"family","status","body","delay_ms","times"}}: the next {@code times} calls of the family. */
    @POST
    @Path("faults")
    public Response armFault(String body) {
        return guarded(() -> {
            Map<String, Object> p = Jsons.parseObject(body);
            int status = (int) intOf(p, "status", 0);
            long delay = intOf(p, "delay_ms", 0);
            if (status == 0 && delay == 0) {
                throw new IllegalArgumentException("give a status, a delay_ms, or both");
            }
            if (status != 0 && (status < 100 || status > 599)) {
                throw new IllegalArgumentException("status must be an HTTP status");
            }
            Object faultBody = p.get("body");
            String text = faultBody == null ? null : faultBody instanceof String s ? s : Jsons.write(faultBody);
            sandbox.faults().arm((String) p.get("family"), new Fault(status, text, delay),
                    (int) intOf(p, "times", 1));
            return ok(Map.of("status", "success", "armed", sandbox.faults().remaining()));
        });
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        return guarded(() -> {
            sandbox.faults().clear();
            return ok(Map.of("status", "success"));
        });
    }

    @GET
    @Path("clock")
    public Response clock() {
        return guarded(() -> ok(clockView()));
    }

    @POST
    @Path("clock")
    public Response advanceClock(String body) {
        return guarded(() -> {
            long seconds = intOf(Jsons.parseObject(body), "advance_seconds", Long.MIN_VALUE);
            if (seconds == Long.MIN_VALUE) {
                throw new IllegalArgumentException("advance_seconds is required");
            }
            sandbox.clock().advance(Duration.ofSeconds(seconds));
            return ok(clockView());
        });
    }

    @POST
    @Path("token-lifetime")
    public Response tokenLifetime(String body) {
        return guarded(() -> {
            long seconds = intOf(Jsons.parseObject(body), "seconds", 0);
            sandbox.accounts().setAccessLifetime(Duration.ofSeconds(seconds));
            return ok(Map.of("status", "success", "seconds", seconds));
        });
    }

    @POST
    @Path("revoke-user")
    public Response revokeUser(String body) {
        return guarded(() -> {
            String email = (String) Jsons.parseObject(body).get("email");
            if (DemoUsers.byEmail(email).isEmpty()) {
                throw new IllegalArgumentException("not a demo user: " + email);
            }
            int revoked = sandbox.accounts().revokeUser(email);
            return ok(Map.of("status", "success", "revoked_tokens", revoked));
        });
    }

    /** {@code {"count": 2100, "dc": "com"}} — more Leads, e.g. past the 2,000 that {@code page} reaches. */
    @POST
    @Path("bulk-leads")
    public Response bulkLeads(String body) {
        return guarded(() -> {
            Map<String, Object> p = Jsons.parseObject(body);
            String dcId = p.get("dc") == null ? "com" : String.valueOf(p.get("dc"));
            DataCenter dc = DataCenter.byId(dcId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown data centre " + dcId));
            int total = sandbox.crm().addBulkLeads(dc, (int) intOf(p, "count", 0));
            return ok(Map.of("status", "success", "dc", dc.id(), "total_leads", total));
        });
    }

    /** Sizes and settings for debugging; never token values. */
    @GET
    @Path("state")
    public Response state() {
        return guarded(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clock", clockView());
            out.put("accounts", sandbox.accounts().stateSummary());
            out.put("records", sandbox.crm().counts());
            out.put("faults", sandbox.faults().remaining());
            out.put("counters", sandbox.counters().snapshot());
            return ok(out);
        });
    }

    private Response guarded(Supplier<Response> action) {
        sandbox.controlGuard().check();
        try {
            return action.get();
        } catch (IllegalArgumentException | ClassCastException e) {
            return Response.status(400).entity(Jsons.write(Map.of("error", "invalid_request",
                    "message", String.valueOf(e.getMessage())))).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    private static Response ok(Object body) {
        return Response.ok(Jsons.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Map<String, Object> clockView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", SeedData.ZOHO_DATE_TIME.format(sandbox.clock().instant()));
        m.put("offset_seconds", sandbox.clock().offset().toSeconds());
        return m;
    }

    private static long intOf(Map<String, Object> p, String key, long dflt) {
        Object v = p.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number");
        }
    }
}
