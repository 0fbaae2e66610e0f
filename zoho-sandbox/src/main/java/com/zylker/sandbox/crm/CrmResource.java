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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CRM v8 at {@code <base>/api/{dc}/crm/v8}. Each call is counted, waits the global latency, may hit an injected
 * fault, then needs a live token <em>from this DC</em> with a fitting scope and a credit; the rest is
 * {@link CrmService}'s. Literal paths ({@code /Deals/search}, {@code /Deals/upsert}, {@code /settings/fields})
 * are declared so JAX-RS prefers them over {@code /{module}/{id}}: a search must never be read as "record
 * 'search' not found" (HTTP 204, which looks exactly like "no results").
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

    @HeaderParam("If-Unmodified-Since")
    String unmodifiedSince;

    @GET
    @Path("users")
    public Response users(@QueryParam("type") String type) {
        return call("GET /crm/v8/users", grant -> {
            requireScope(grant, "ZohoCRM.users.READ", "ZohoCRM.users.ALL");
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
    @Path("org")
    public Response org() {
        return call("GET /crm/v8/org", grant -> {
            requireScope(grant, "ZohoCRM.org.READ", "ZohoCRM.org.ALL");
            if (com.zylker.sandbox.core.DemoUsers.isOutsider(grant.user())) {
                return json(200, Map.of("org", List.of(com.zylker.sandbox.crm.CrmMetadata.outsiderOrg())));
            }
            return json(200, Map.of("org", List.of(sandbox.crm().orgInfo(grant.dc()))));
        });
    }

    @GET
    @Path("settings/fields")
    public Response fields(@QueryParam("module") String module) {
        return call("GET /crm/v8/settings/fields", grant -> {
            requireScope(grant, SETTINGS_SCOPES);
            return json(200, Map.of("fields", sandbox.crm().fieldsMetadata(grant.dc(), settingsModule(module))));
        });
    }

    @GET
    @Path("settings/layouts")
    public Response layouts(@QueryParam("module") String module) {
        return call("GET /crm/v8/settings/layouts", grant -> {
            requireScope(grant, SETTINGS_SCOPES);
            return json(200, Map.of("layouts", sandbox.crm().layouts(grant.dc(), settingsModule(module))));
        });
    }

    @GET
    @Path("settings/pipeline")
    public Response pipeline(@QueryParam("layout_id") String layoutId) {
        return call("GET /crm/v8/settings/pipeline", grant -> {
            requireScope(grant, SETTINGS_SCOPES);
            return json(200, Map.of("pipeline", sandbox.crm().pipelines(grant.dc(), layoutId)));
        });
    }

    @POST
    @Path("coql")
    public Response coql(String body) {
        return call("POST /crm/v8/coql", grant -> {
            requireScope(grant, "ZohoCRM.coql.READ", "ZohoCRM.coql.ALL");
            Object query = parse(body).get("select_query");
            String text = query == null ? null : query.toString();
            module(CrmService.coqlModule(text).apiName(), grant, "READ");
            return listResponse(sandbox.crm().coql(grant.dc(), text));
        });
    }

    @GET
    @Path("{module}/search")
    public Response search(@PathParam("module") String module, @QueryParam("criteria") String criteria,
                           @QueryParam("email") String email, @QueryParam("phone") String phone,
                           @QueryParam("word") String word, @QueryParam("fields") String fields,
                           @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return call("GET /crm/v8/" + label(module) + "/search", grant -> {
            Module m = module(module, grant, "READ");
            requireScope(grant, "ZohoSearch.securesearch.READ", "ZohoSearch.securesearch.ALL");
            return listResponse(sandbox.crm().search(grant.dc(), m, criteria, email, phone, word, fields, page, perPage));
        });
    }

    @POST
    @Path("{module}/upsert")
    public Response upsert(@PathParam("module") String module, String body) {
        return call("POST /crm/v8/" + label(module) + "/upsert", grant -> {
            Module m = module(module, grant, "CREATE");
            Map<String, Object> parsed = parse(body);
            WriteResult result = sandbox.crm().upsert(grant.dc(), m, records(parsed), dupFields(parsed), grant.user());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    @GET
    @Path("{module}")
    public Response list(@PathParam("module") String module, @QueryParam("fields") String fields,
                         @QueryParam("page") String page, @QueryParam("per_page") String perPage,
                         @QueryParam("page_token") String pageToken, @QueryParam("sort_by") String sortBy,
                         @QueryParam("sort_order") String sortOrder) {
        return call("GET /crm/v8/" + label(module), grant -> {
            Module m = module(module, grant, "READ");
            return listResponse(sandbox.crm().list(grant.dc(), m,
                    new ListQuery(fields, page, perPage, pageToken, sortBy, sortOrder), grant.user()));
        });
    }

    @GET
    @Path("{module}/{id}")
    public Response get(@PathParam("module") String module, @PathParam("id") String id,
                        @QueryParam("fields") String fields) {
        return call("GET /crm/v8/" + label(module) + "/{id}", grant -> {
            Module m = module(module, grant, "READ");
            return sandbox.crm().get(grant.dc(), m, id, fields)
                    .map(r -> json(200, Map.of("data", List.of(r))))
                    .orElseGet(() -> Response.noContent().build());
        });
    }

    @GET
    @Path("{module}/{id}/actions/blueprint")
    public Response blueprint(@PathParam("module") String module, @PathParam("id") String id) {
        return call("GET /crm/v8/" + label(module) + "/{id}/actions/blueprint", grant -> {
            Module m = module(module, grant, "READ");
            return json(200, sandbox.crm().blueprint(grant.dc(), m, id));
        });
    }

    /** {@code {"blueprint": [{"transition_id": "…", "data": {…}}]}}. */
    @PUT
    @Path("{module}/{id}/actions/blueprint")
    public Response transition(@PathParam("module") String module, @PathParam("id") String id, String body) {
        return call("PUT /crm/v8/" + label(module) + "/{id}/actions/blueprint", grant -> {
            Module m = module(module, grant, "UPDATE");
            if (!(parse(body).get("blueprint") instanceof List<?> list) || list.isEmpty()
                    || !(list.get(0) instanceof Map<?, ?> step) || step.get("transition_id") == null) {
                throw CrmException.requiredParamMissing("transition_id");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = step.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
            return json(200, sandbox.crm().transition(grant.dc(), m, id, step.get("transition_id").toString(), data,
                    grant.user()));
        });
    }

    @PUT
    @Path("{module}/{id}")
    public Response update(@PathParam("module") String module, @PathParam("id") String id, String body) {
        return call("PUT /crm/v8/" + label(module) + "/{id}", grant -> {
            Module m = module(module, grant, "UPDATE");
            WriteResult result = sandbox.crm().update(grant.dc(), m, records(body), id, grant.user(),
                    unmodifiedSince());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    @PUT
    @Path("{module}")
    public Response updateMany(@PathParam("module") String module, String body) {
        return call("PUT /crm/v8/" + label(module), grant -> {
            Module m = module(module, grant, "UPDATE");
            WriteResult result = sandbox.crm().update(grant.dc(), m, records(body), null, grant.user(),
                    unmodifiedSince());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    @POST
    @Path("{module}")
    public Response create(@PathParam("module") String module, String body) {
        return call("POST /crm/v8/" + label(module), grant -> {
            Module m = module(module, grant, "CREATE");
            Map<String, Object> parsed = parse(body);
            WriteResult result = sandbox.crm().create(grant.dc(), m, records(parsed), dupFields(parsed), grant.user());
            return json(result.httpStatus(), Map.of("data", result.results()));
        });
    }

    /**
     * Counting, latency, fault injection, authentication and credits, in Zoho's order, before the actual
     * work. Errors are answered here (not by the mapper) so they carry the credits header too.
     */
    private Response call(String methodAndPath, Function<AccessGrant, Response> work) {
        DataCenter dc = Requests.dc(dcId);
        sandbox.counters().increment(Counters.Kind.API_CALLS, dc);
        sandbox.counters().incrementPath(methodAndPath);
        sandbox.pause();
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "crm");
        if (fault.isPresent()) {
            return fault.get();
        }
        long remaining = -1;
        Response response;
        try {
            String token = Requests.oauthToken(authorization, false);
            if (token == null) {
                throw CrmException.authenticationFailure();
            }
            AccessGrant grant = sandbox.accounts().authenticate(dc, token).orElseThrow(CrmException::invalidToken);
            sandbox.counters().incrementUser(grant.user().email(), "crm", methodAndPath);
            remaining = sandbox.credits().consume(dc);
            response = work.apply(grant);
        } catch (CrmException e) {
            response = json(e.status(), e.body());
        }
        if (remaining < 0) {
            return response;
        }
        return Response.fromResponse(response).header("X-API-CREDITS-REMAINING", remaining).build();
    }

    /** The path label for counters: the module's API name when it is one, so keys stay few and stable. */
    private static String label(String module) {
        return Module.byApiName(module).map(Module::apiName).orElse("{module}");
    }

    private static final String[] SETTINGS_SCOPES = {"ZohoCRM.settings.ALL", "ZohoCRM.settings.READ",
            "ZohoCRM.settings.fields.READ", "ZohoCRM.settings.fields.ALL", "ZohoCRM.settings.layouts.READ",
            "ZohoCRM.settings.pipeline.READ"};

    private static void requireScope(AccessGrant grant, String... scopes) {
        if (!grant.hasAnyScope(scopes)) {
            throw CrmException.scopeMismatch();
        }
    }

    private static Module settingsModule(String module) {
        if (module == null || module.isBlank()) {
            throw CrmException.requiredParamMissing("module");
        }
        return Module.byApiName(module).orElseThrow(CrmException::invalidModule);
    }

    private Instant unmodifiedSince() {
        if (unmodifiedSince == null || unmodifiedSince.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(unmodifiedSince.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(unmodifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                throw CrmException.invalidParam("If-Unmodified-Since", "the date-time given is invalid");
            }
        }
    }

    private static List<String> dupFields(Map<String, Object> parsed) {
        List<String> dupFields = new ArrayList<>();
        if (parsed.get("duplicate_check_fields") instanceof List<?> list) {
            list.forEach(f -> dupFields.add(String.valueOf(f)));
        }
        return dupFields;
    }

    private static Response listResponse(ListResult result) {
        if (result.isEmpty()) {
            return Response.noContent().build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", result.data());
        body.put("info", result.info());
        return json(200, body);
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
