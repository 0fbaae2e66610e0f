package com.zylker.portal.web.status;

import com.zylker.portal.core.health.ZohoReachability;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /status/zoho}: whether this node reaches each configured Zoho data centre's accounts server —
 * {@code {"status":"UP"|"DOWN","dataCentres":{"com":{"reachable":false,"outcome":"unreachable","millis":3}}}}.
 * Kept out of {@code /health/ready} on purpose (a Zoho outage must not take every node out of the load
 * balancer). Answers 200 either way: it is a report.
 *
 * <p>Like the management endpoints it is not public: it answers only a loopback peer that sends no proxy
 * header ({@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP}); every other client, and an HTTP
 * proxy on the same machine, gets 404 as if it did not exist. A TCP-level relay on the node itself (a TLS
 * pass-through, an SSH tunnel) would look local: publish the node's port only through the HTTP proxy.
 * Remote monitoring reads the same figures as {@code portal_zoho_reachable{dc}} on the management listener.
 */
@WebServlet("/status/zoho")
public class ZohoStatusServlet extends HttpServlet {

    /** An IP literal (never a name: {@link InetAddress#getByName} must not look anything up). */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    @Inject
    ZohoReachability reachability;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isLocalDirect(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, ZohoReachability.Probe> probes = reachability.probes();
        JsonObjectBuilder dcs = Json.createObjectBuilder();
        probes.forEach((dc, probe) -> dcs.add(dc, Json.createObjectBuilder().add("reachable", probe.reachable())
                .add("outcome", probe.outcome()).add("millis", probe.millis())));
        boolean any = probes.values().stream().anyMatch(ZohoReachability.Probe::reachable);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("status", any ? "UP" : "DOWN")
                .add("dataCentres", dcs).build().toString());
    }

    static boolean isLocalDirect(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null
                || request.getHeader("X-Real-IP") != null) {
            return false;
        }
        String peer = request.getRemoteAddr();
        try {
            return peer != null && LITERAL.matcher(peer).matches() && InetAddress.getByName(peer).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
