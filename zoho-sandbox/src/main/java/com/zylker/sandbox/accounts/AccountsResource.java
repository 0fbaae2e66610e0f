package com.zylker.sandbox.accounts;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.control.Counters;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.web.FaultResponses;
import com.zylker.sandbox.web.Jsons;
import com.zylker.sandbox.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zoho's accounts server for one DC, at {@code <base>/accounts/{dc}}: the authorization pages, the token and
 * revoke endpoints and user info. Thin: every decision is {@link OAuthService}'s.
 */
@Path("accounts/{dc}")
@RequestScoped
public class AccountsResource {

    @Inject
    Sandbox sandbox;

    @Context
    UriInfo uriInfo;

    @PathParam("dc")
    String dcId;

    @GET
    @Path("oauth/v2/auth")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                              @QueryParam("scope") String scope, @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("access_type") String accessType, @QueryParam("prompt") String prompt,
                              @QueryParam("state") String state) {
        DataCenter dc = Requests.dc(dcId);
        try {
            AuthorizationRequest request = sandbox.accounts()
                    .validate(responseType, clientId, scope, redirectUri, accessType, prompt, state);
            return html(AuthPages.signIn(base(), dc, request));
        } catch (AuthorizationException e) {
            return errorPage(e);
        }
    }

    @POST
    @Path("oauth/v2/auth/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("response_type") String responseType, @FormParam("client_id") String clientId,
                           @FormParam("scope") String scope, @FormParam("redirect_uri") String redirectUri,
                           @FormParam("access_type") String accessType, @FormParam("prompt") String prompt,
                           @FormParam("state") String state, @FormParam("user") String email) {
        Requests.dc(dcId);
        try {
            AuthorizationRequest request = sandbox.accounts()
                    .validate(responseType, clientId, scope, redirectUri, accessType, prompt, state);
            DemoUser user = demoUser(email);
            return html(AuthPages.consent(base(), user, request));
        } catch (AuthorizationException e) {
            return errorPage(e);
        }
    }

    @POST
    @Path("oauth/v2/auth/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response consent(@FormParam("response_type") String responseType, @FormParam("client_id") String clientId,
                            @FormParam("scope") String scope, @FormParam("redirect_uri") String redirectUri,
                            @FormParam("access_type") String accessType, @FormParam("prompt") String prompt,
                            @FormParam("state") String state, @FormParam("user") String email,
                            @FormParam("decision") String decision) {
        Requests.dc(dcId);
        try {
            AuthorizationRequest request = sandbox.accounts()
                    .validate(responseType, clientId, scope, redirectUri, accessType, prompt, state);
            DemoUser user = demoUser(email);
            Map<String, String> params = new LinkedHashMap<>();
            if (!"accept".equals(decision)) {
                params.put("error", "access_denied");
            } else {
                // The user's own DC, whichever accounts server the sign-in started at: Zoho's multi-DC rule.
                params.put("code", sandbox.accounts().issueCode(request, user));
                params.put("location", user.dc().id());
                params.put("accounts-server", user.dc().accountsUrl(base()));
            }
            if (state != null) {
                params.put("state", state);
            }
            return Response.status(Response.Status.FOUND).location(redirect(redirectUri, params)).build();
        } catch (AuthorizationException e) {
            return errorPage(e);
        }
    }

    /** Errors come back as HTTP 200 with {@code {"error": …}}, exactly like Zoho. */
    @POST
    @Path("oauth/v2/token")
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(String body) {
        DataCenter dc = Requests.dc(dcId);
        MultivaluedMap<String, String> p = Requests.formAndQuery(body, uriInfo);
        String grantType = p.getFirst("grant_type");
        if ("authorization_code".equals(grantType)) {
            sandbox.counters().increment(Counters.Kind.CODE_EXCHANGES, dc);
        } else if ("refresh_token".equals(grantType)) {
            sandbox.counters().increment(Counters.Kind.REFRESHES, dc);
            sandbox.accounts().ownerOfRefreshToken(p.getFirst("refresh_token"))
                    .ifPresent(u -> sandbox.counters().incrementRefreshOf(u.email()));
        }
        sandbox.pause();
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "token");
        if (fault.isPresent()) {
            return fault.get();
        }
        TokenOutcome outcome;
        if ("authorization_code".equals(grantType)) {
            outcome = sandbox.accounts().exchangeCode(dc, p.getFirst("code"), p.getFirst("client_id"),
                    p.getFirst("client_secret"), p.getFirst("redirect_uri"));
        } else if ("refresh_token".equals(grantType)) {
            outcome = sandbox.accounts().refresh(dc, p.getFirst("refresh_token"), p.getFirst("client_id"),
                    p.getFirst("client_secret"));
        } else {
            outcome = TokenOutcome.Refused.of("unsupported_grant_type");
        }
        return noStore(Response.ok(Jsons.write(tokenBody(outcome)), MediaType.APPLICATION_JSON_TYPE));
    }

    @POST
    @Path("oauth/v2/token/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(String body) {
        DataCenter dc = Requests.dc(dcId);
        sandbox.counters().increment(Counters.Kind.REVOCATIONS, dc);
        sandbox.pause();
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "revoke");
        if (fault.isPresent()) {
            return fault.get();
        }
        String token = Requests.formAndQuery(body, uriInfo).getFirst("token");
        if (sandbox.accounts().revoke(dc, token)) {
            return Response.ok(Jsons.write(Map.of("status", "success")), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.status(400).entity(Jsons.write(Map.of("status", "failure", "error", "invalid_token")))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("oauth/user/info")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userInfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        DataCenter dc = Requests.dc(dcId);
        sandbox.counters().increment(Counters.Kind.USERINFO_CALLS, dc);
        sandbox.pause();
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "userinfo");
        if (fault.isPresent()) {
            return fault.get();
        }
        Optional<AccessGrant> grant = sandbox.accounts().authenticate(dc, Requests.oauthToken(authorization, true));
        if (grant.isEmpty()) {
            return unauthorized("invalid_oauthtoken");
        }
        if (!grant.get().hasAnyScope("AaaServer.profile.READ", "AaaServer.profile.ALL")) {
            return unauthorized("invalid_oauthscope");
        }
        DemoUser u = grant.get().user();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("First_Name", u.firstName());
        info.put("Email", u.email());
        info.put("Last_Name", u.lastName());
        info.put("Display_Name", u.displayName());
        info.put("ZUID", u.zuid());
        return Response.ok(Jsons.write(info), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Zoho's DC directory, pointing at the sandbox's own accounts servers. */
    @GET
    @Path("oauth/serverinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response serverInfo() {
        Requests.dc(dcId);
        Map<String, Object> locations = new LinkedHashMap<>();
        for (DataCenter dc : DataCenter.values()) {
            locations.put(dc.serverInfoKey(), dc.accountsUrl(base()));
        }
        return Response.ok(Jsons.write(Map.of("result", "success", "locations", locations)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Map<String, Object> tokenBody(TokenOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome instanceof TokenOutcome.Issued issued) {
            body.put("access_token", issued.accessToken());
            if (issued.refreshToken() != null) {
                body.put("refresh_token", issued.refreshToken());
            }
            body.put("api_domain", issued.dc().apiDomain(base()));
            body.put("token_type", "Bearer");
            body.put("expires_in", issued.expiresInSeconds());
        } else if (outcome instanceof TokenOutcome.Refused refused) {
            body.put("error", refused.error());
            if (refused.description() != null) {
                body.put("error_description", refused.description());
            }
        }
        return body;
    }

    private DemoUser demoUser(String email) {
        return DemoUsers.byEmail(email).orElseThrow(() ->
                new AuthorizationException("Unknown User", "No such demo user in the sandbox."));
    }

    private String base() {
        return Requests.base(uriInfo);
    }

    private static URI redirect(String redirectUri, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char sep = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            uri.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(uri.toString());
    }

    private static Response html(String page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static Response errorPage(AuthorizationException e) {
        return Response.status(400).entity(AuthPages.error(e.title(), e.getMessage()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static Response unauthorized(String error) {
        return Response.status(401).entity(Jsons.write(Map.of("error", error)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response noStore(Response.ResponseBuilder r) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return r.cacheControl(cc).header("Pragma", "no-cache").build();
    }
}
