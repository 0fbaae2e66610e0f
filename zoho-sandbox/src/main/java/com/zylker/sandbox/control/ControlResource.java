package com.zylker.sandbox.control;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.crm.CreditBudget;
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
 * revoking a user, withheld scopes, latency, bulk data, CRM credits, Books rate windows, issued tokens.
 * Every delay and count it accepts is bounded, so the control API cannot stall the server. Answers 403 on every path when {@code sandbox.control.enabled} is false.
 */
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
// JSON only: a web page can send a text/plain or form POST to localhost without a preflight, and must not
// be able to reset the sandbox or inject faults on a developer's machine.
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class ControlResource {

    /** A fault's delay: long enough for any client timeout test, short enough not to pin a thread for long. */
    public static final long MAX_FAULT_DELAY_MS = 60_000;

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
            // Longer than the global latency cap: the portal's timeout tests hold a token call for 12 s.
            if (delay < 0 || delay > MAX_FAULT_DELAY_MS) {
                throw new IllegalArgumentException("delay_ms must be between 0 and " + MAX_FAULT_DELAY_MS);
            }
            if (status == 0 && delay == 0) {
                throw new IllegalArgumentException("give a status, a delay_ms, or both");
            }
            if (status != 0 && (status < 100 || status > 599)) {
                throw new IllegalArgumentException("status must be an HTTP status");
            }
            Object faultBody = p.get("body");
            String text = faultBody == null ? null : faultBody instanceof String s ? s : Jsons.write(faultBody);
            long times = intOf(p, "times", 1);
            if (times > 10_000) {
                throw new IllegalArgumentException("times must be at most 10000");
            }
            sandbox.faults().arm((String) p.get("family"), new Fault(status, text, delay), (int) times);
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

    /**
     * {@code {"email": "...", "scope": "ZohoCRM.coql.READ"}}: the user's new grants and existing tokens lack
     * the scope from now on; {@code "withhold": false} gives it back. Reset clears all.
     */
    @POST
    @Path("withhold-scope")
    public Response withholdScope(String body) {
        return guarded(() -> {
            Map<String, Object> p = Jsons.parseObject(body);
            String email = (String) p.get("email");
            String scope = (String) p.get("scope");
            if (DemoUsers.byEmail(email).isEmpty()) {
                throw new IllegalArgumentException("not a demo user: " + email);
            }
            if (scope == null || scope.isBlank()) {
                throw new IllegalArgumentException("scope is required");
            }
            if (Boolean.FALSE.equals(p.get("withhold"))) {
                sandbox.accounts().restoreScope(email, scope);
            } else {
                sandbox.accounts().withholdScope(email, scope);
            }
            return ok(Map.of("status", "success", "withheld_scopes", sandbox.accounts().withheldScopes()));
        });
    }

    @DELETE
    @Path("withhold-scope")
    public Response clearWithheldScopes() {
        return guarded(() -> {
            sandbox.accounts().clearWithheldScopes();
            return ok(Map.of("status", "success", "withheld_scopes", Map.of()));
        });
    }

    @GET
    @Path("latency")
    public Response latency() {
        return guarded(() -> ok(Map.of("latency_ms", sandbox.latency())));
    }

    /** {@code {"latency_ms": 150}}: every accounts, CRM and Books call waits that long first (≤ 10 s). */
    @POST
    @Path("latency")
    public Response setLatency(String body) {
        return guarded(() -> {
            sandbox.setLatency(intOf(Jsons.parseObject(body), "latency_ms", 0));
            return ok(Map.of("status", "success", "latency_ms", sandbox.latency()));
        });
    }

    /** {@code {"count": 2500, "dc": "com"}} — more Deals (≤ 10,000 a call), e.g. for a board benchmark. */
    @POST
    @Path("bulk-deals")
    public Response bulkDeals(String body) {
        return guarded(() -> {
            Map<String, Object> p = Jsons.parseObject(body);
            DataCenter dc = dcOf(p);
            int total = sandbox.crm().addBulkDeals(dc, (int) intOf(p, "count", 0));
            return ok(Map.of("status", "success", "dc", dc.id(), "total_deals", total));
        });
    }

    /** Live token values with their owners — for demo/test log-capture checks only. */
    @GET
    @Path("tokens")
    public Response tokens() {
        return guarded(() -> ok(Map.of("tokens", sandbox.accounts().issuedTokens())));
    }

    /** {@code {"limit": 100, "dc": "com"}}: a fresh CRM credit budget, so tests reach the header and the 429. */
    @POST
    @Path("crm-credits")
    public Response crmCredits(String body) {
        return guarded(() -> {
            Map<String, Object> p = Jsons.parseObject(body);
            DataCenter dc = dcOf(p);
            long limit = intOf(p, "limit", CreditBudget.defaultLimit(dc));
            sandbox.credits().setLimit(dc, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "success");
            out.put("dc", dc.id());
            out.putAll(sandbox.credits().view(dc));
            return ok(out);
        });
    }

    /** Empties every Books org's per-minute request window, so a test that hit the 429 leaves no trace. */
    @POST
    @Path("books-rate-reset")
    public Response booksRateReset() {
        return guarded(() -> {
            sandbox.books().resetRateWindows();
            return ok(Map.of("status", "success"));
        });
    }

    private static DataCenter dcOf(Map<String, Object> p) {
        String dcId = p.get("dc") == null ? "com" : String.valueOf(p.get("dc"));
        return DataCenter.byId(dcId).orElseThrow(() -> new IllegalArgumentException("unknown data centre " + dcId));
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
            out.put("blueprint_deals", sandbox.crm().blueprintDeals());
            out.put("deal_layout_ids", dealLayouts());
            out.put("crm_credits", sandbox.credits().view(DataCenter.COM));
            out.put("latency_ms", sandbox.latency());
            out.put("withheld_scopes", sandbox.accounts().withheldScopes());
            out.put("books", sandbox.books().stateSummary());
            out.put("faults", sandbox.faults().remaining());
            out.put("counters", sandbox.counters().snapshot());
            return ok(out);
        });
    }

    private Map<String, Object> dealLayouts() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DataCenter dc : DataCenter.values()) {
            out.put(dc.id(), sandbox.crm().orgOf(dc).layoutId(com.zylker.sandbox.data.Module.DEALS));
        }
        return out;
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
