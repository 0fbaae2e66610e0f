package com.zylker.sandbox.crm;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.accounts.AccessGrant;
import com.zylker.sandbox.control.Counters;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.web.FaultResponses;
import com.zylker.sandbox.web.Jsons;
import com.zylker.sandbox.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CRM v8 at {@code <base>/api/{dc}/crm/v8}. Each call is counted, may hit an injected fault, then needs a live
 * token <em>from this DC</em> with a fitting scope; the rest is {@link CrmService}'s.
 */
@Path("api/{dc}/crm/v8")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CrmResource {

    @Inject
    Sandbox sandbox;

    @PathParam("dc")
    String dcId;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @GET
    @Path("users")
    public Response users(@QueryParam("type") String type) {
        return call(null, grant -> {
            if (!grant.hasAnyScope("ZohoCRM.users.READ", "ZohoCRM.users.ALL")) {
                throw CrmException.scopeMismatch();
            }
            List<Map<String, Object>> users = sandbox.crm().users(grant.dc(), type, grant.user());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("per_page", 200);
            info.put("count", users.size());
            info.put("page", 1);
            info.put("more_records", false);
            return json(200, Map.of("users", users, "info", info));
        });
    }

    @GET
    @Path("{module}")
    public Response list(@PathParam("module") String module, @QueryParam("fields") String fields,
                         @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                         @QueryParam("page_token") String pageToken, @QueryParam("sort_by") String sortBy,
                         @QueryParam("sort_order") String sortOrder) {
        return call(module, grant -> {
            Module m = module(module, grant, "READ");
            ListResult result = sandbox.crm().list(grant.dc(), m,
                    new ListQuery(fields, page, perPage, pageToken, sortBy, sortOrder));
            if (result.isEmpty()) {
                return Response.noContent().build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", result.data());
            body.put("info", result.info());
            return json(200, body);
        });
    }

    @GET
    @Path("{module}/{id}")
    public Response get(@PathParam("module") String module, @PathParam("id") String id,
                        @QueryParam("fields") String fields) {
        return call(module, grant -> {
            Module m = module(module, grant, "READ");
            return sandbox.crm().get(grant.dc(), m, id, fields)
                    .map(r -> json(200, Map.of("data", List.of(r))))
                    .orElseGet(() -> Response.noContent().build());
        });
    }

    @PUT
    @Path("{module}/{id}")
    public Response update(@PathParam("module") String module, @PathParam("id") String id, String body) {
        return call(module, grant -> {
            Module m = module(module, grant, "UPDATE");
            WriteResult result = sandbox.crm().update(grant.dc(), m, records(body), id, grant.user());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    @PUT
    @Path("{module}")
    public Response updateMany(@PathParam("module") String module, String body) {
        return call(module, grant -> {
            Module m = module(module, grant, "UPDATE");
            WriteResult result = sandbox.crm().update(grant.dc(), m, records(body), null, grant.user());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    @POST
    @Path("{module}")
    public Response create(@PathParam("module") String module, String body) {
        return call(module, grant -> {
            Module m = module(module, grant, "CREATE");
            Map<String, Object> parsed = parse(body);
            List<String> dupFields = new ArrayList<>();
            if (parsed.get("duplicate_check_fields") instanceof List<?> list) {
                list.forEach(f -> dupFields.add(String.valueOf(f)));
            }
            WriteResult result = sandbox.crm().create(grant.dc(), m, records(parsed), dupFields, grant.user());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    /** Counting, fault injection and authentication, in Zoho's order, before the actual work. */
    private Response call(String module, Function<AccessGrant, Response> work) {
        DataCenter dc = Requests.dc(dcId);
        sandbox.counters().increment(Counters.Kind.API_CALLS, dc);
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "crm");
        if (fault.isPresent()) {
            return fault.get();
        }
        String token = Requests.oauthToken(authorization, false);
        if (token == null) {
            throw CrmException.authenticationFailure();
        }
        AccessGrant grant = sandbox.accounts().authenticate(dc, token).orElseThrow(CrmException::invalidToken);
        return work.apply(grant);
    }

    private static Module module(String name, AccessGrant grant, String operation) {
        Module m = Module.byApiName(name).orElseThrow(CrmException::invalidModule);
        String api = m.apiName();
        if (!grant.hasAnyScope("ZohoCRM.modules.ALL", "ZohoCRM.modules." + operation,
                "ZohoCRM.modules." + api + ".ALL", "ZohoCRM.modules." + api + "." + operation,
                "ZohoCRM.modules." + api.toLowerCase(Locale.ROOT) + "." + operation)) {
            throw CrmException.scopeMismatch();
        }
        return m;
    }

    private static Map<String, Object> parse(String body) {
        try {
            return Jsons.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw new CrmException(400, "INVALID_DATA", Map.of(), "body is not a JSON object");
        }
    }

    private static List<Map<String, Object>> records(String body) {
        return records(parse(body));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> parsed) {
        if (!(parsed.get("data") instanceof List<?> data)) {
            throw CrmException.requiredParamMissing("data");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object o : data) {
            if (!(o instanceof Map)) {
                throw new CrmException(400, "INVALID_DATA", Map.of("param", "data"), "each record must be an object");
            }
            records.add((Map<String, Object>) o);
        }
        return records;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).entity(Jsons.write(body)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
