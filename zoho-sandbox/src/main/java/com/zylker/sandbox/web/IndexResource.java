package com.zylker.sandbox.web;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code <base>/}: what this sandbox is, its data centres' URLs and its demo users, for people exploring it. */
@Path("")
public class IndexResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String index(@Context UriInfo uriInfo) {
        String base = Requests.base(uriInfo);
        StringBuilder dcs = new StringBuilder();
        for (DataCenter dc : DataCenter.values()) {
            dcs.append("<tr><td>").append(Html.escape(dc.id())).append("</td><td><code>")
                    .append(Html.escape(dc.accountsUrl(base))).append("</code></td><td><code>")
                    .append(Html.escape(dc.apiDomain(base))).append("</code></td></tr>\n");
        }
        StringBuilder users = new StringBuilder();
        for (DemoUser u : DemoUsers.SIGN_IN) {
            users.append("<tr><td>").append(Html.escape(u.displayName())).append("</td><td>")
                    .append(Html.escape(u.email())).append("</td><td>").append(Html.escape(u.role()))
                    .append("</td><td>").append(Html.escape(u.dc().id())).append("</td></tr>\n");
        }
        return Html.page("Zoho sandbox", """
                <p>A local stand-in for Zoho Accounts (OAuth 2.0), Zoho CRM v8 and Zoho Books v3, for development,
                demos and tests. It behaves like Zoho where clients must cope: token errors as HTTP 200, single-use
                codes, refresh limits, 204 for empty lists and searches, tokens bound to their data centre, no
                Retry-After on 429, Books' {code, message} envelope and its per-organization limit.</p>
                <h2>Data centres</h2>
                <table><tr><th>dc</th><th>accounts server</th><th>API domain</th></tr>
                %s</table>
                <h2>Demo users</h2>
                <p class="muted">Sign in as any of them; there are no passwords.</p>
                <table><tr><th>name</th><th>email</th><th>role</th><th>dc</th></tr>
                %s</table>
                <h2>Control API</h2>
                <p class="muted"><code>POST control/reset</code> · <code>GET control/counters</code> ·
                <code>POST/DELETE control/faults</code> · <code>POST control/clock</code> ·
                <code>POST control/token-lifetime</code> · <code>POST control/revoke-user</code> ·
                <code>POST/DELETE control/withhold-scope</code> · <code>POST control/latency</code> ·
                <code>POST control/bulk-leads</code> · <code>POST control/bulk-deals</code> ·
                <code>POST control/crm-credits</code> · <code>POST control/books-rate-reset</code> ·
                <code>GET control/tokens</code> · <code>GET control/state</code></p>
                """.formatted(dcs, users));
    }
}
