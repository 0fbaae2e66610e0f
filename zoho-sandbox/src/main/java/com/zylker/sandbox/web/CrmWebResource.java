package com.zylker.sandbox.web;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.data.Module;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code <base>/crm-ui/{dc}/crm/tab/{Potentials|Leads|Contacts}/{id}}: a plain page showing one record, where
 * Zoho's CRM web UI would open it, so "Open in Zoho CRM" links lead somewhere in a demo. No sign-in (the
 * sandbox has no CRM UI session); every value is escaped.
 */
@Path("crm-ui/{dc}/crm/tab/{tab}/{id}")
public class CrmWebResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response record(@PathParam("dc") String dc, @PathParam("tab") String tab, @PathParam("id") String id) {
        Optional<DataCenter> center = DataCenter.byId(dc);
        Optional<Module> module = Module.byApiName("Potentials".equals(tab) ? "Deals" : tab);
        Optional<Map<String, Object>> record = center.isEmpty() || module.isEmpty() || !id.matches("[0-9]{1,40}")
                ? Optional.empty() : sandbox.crm().get(center.get(), module.get(), id, null);
        if (record.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML)
                    .entity(Html.page("Record not found", "<p>No such record in the sandbox's CRM.</p>")).build();
        }
        StringBuilder rows = new StringBuilder();
        new TreeMap<>(record.get()).forEach((k, v) -> rows.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                .append(Html.escape(String.valueOf(v))).append("</td></tr>\n"));
        return Response.ok(Html.page("Zoho CRM (sandbox) · " + module.get().apiName() + " " + id,
                "<p>Where Zoho CRM's web UI would show this record.</p><table>" + rows + "</table>")).build();
    }
}
