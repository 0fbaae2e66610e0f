package com.zylker.sandbox.books;

import com.zylker.sandbox.Sandbox;
import com.zylker.sandbox.accounts.AccessGrant;
import com.zylker.sandbox.control.Counters;
import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.web.FaultResponses;
import com.zylker.sandbox.web.Jsons;
import com.zylker.sandbox.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Books v3 at {@code <base>/api/{dc}/books/v3}. Each call is counted, waits the global latency, may hit an
 * injected {@code books} fault, then needs a live token from this DC with the Books scope for the call, and
 * (except {@code GET /organizations}) an {@code organization_id} the user belongs to, within the org's
 * per-minute limit. Errors are Books' {@code {code, message}} envelope, never CRM's shape.
 */
@Path("api/{dc}/books/v3")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class BooksResource {

    @Inject
    Sandbox sandbox;

    @PathParam("dc")
    String dcId;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @QueryParam("organization_id")
    String organizationId;

    @Context
    UriInfo uriInfo;

    private static final String[] SETTINGS_READ = {"ZohoBooks.settings.READ", "ZohoBooks.settings.ALL"};
    private static final String[] INVOICES_READ = {"ZohoBooks.invoices.READ", "ZohoBooks.invoices.ALL"};
    private static final String[] INVOICES_CREATE = {"ZohoBooks.invoices.CREATE", "ZohoBooks.invoices.ALL"};
    private static final String[] INVOICES_UPDATE = {"ZohoBooks.invoices.CREATE", "ZohoBooks.invoices.UPDATE",
            "ZohoBooks.invoices.ALL"};
    private static final String[] CONTACTS_READ = {"ZohoBooks.contacts.READ", "ZohoBooks.contacts.ALL"};
    private static final String[] CONTACTS_CREATE = {"ZohoBooks.contacts.CREATE", "ZohoBooks.contacts.ALL"};
    private static final String[] PAYMENTS_CREATE = {"ZohoBooks.customerpayments.CREATE",
            "ZohoBooks.customerpayments.ALL"};

    @GET
    @Path("organizations")
    public Response organizations() {
        return call("GET /books/v3/organizations", SETTINGS_READ, false, (grant, org) ->
                ok(200, Map.of("code", 0, "message", "success",
                        "organizations", sandbox.books().organizations(grant.dc(), grant.user()))));
    }

    @GET
    @Path("invoices")
    public Response invoices() {
        return call("GET /books/v3/invoices", INVOICES_READ, true, (grant, org) ->
                ok(200, sandbox.books().listInvoices(org, query())));
    }

    @GET
    @Path("invoices/{id}")
    public Response invoice(@PathParam("id") String id, @QueryParam("accept") String accept) {
        return call("GET /books/v3/invoices/{id}", INVOICES_READ, true, (grant, org) -> {
            if ("pdf".equalsIgnoreCase(accept)) {
                InvoicePdf.Content content = sandbox.books().pdfContent(org, id);
                return Response.ok(InvoicePdf.render(content), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"" + content.number() + ".pdf\"").build();
            }
            return ok(200, sandbox.books().getInvoice(org, id, Requests.base(uriInfo), grant.dc().id()));
        });
    }

    @POST
    @Path("invoices")
    public Response createInvoice(@QueryParam("send") String send, String body) {
        return call("POST /books/v3/invoices", INVOICES_CREATE, true, (grant, org) ->
                ok(201, sandbox.books().createInvoice(org, grant.user(), parse(body), "true".equalsIgnoreCase(send),
                        Requests.base(uriInfo), grant.dc().id())));
    }

    @POST
    @Path("invoices/{id}/status/{target}")
    public Response status(@PathParam("id") String id, @PathParam("target") String target) {
        return call("POST /books/v3/invoices/{id}/status/" + (List.of("sent", "void", "draft").contains(target)
                ? target : "{status}"), INVOICES_UPDATE, true, (grant, org) ->
                ok(200, sandbox.books().changeStatus(org, grant.user(), id, target)));
    }

    @GET
    @Path("invoices/{id}/email")
    public Response emailContent(@PathParam("id") String id) {
        // ZOHO-FACTS: the email calls need invoices.CREATE, even the one that only reads the prefilled text.
        return call("GET /books/v3/invoices/{id}/email", INVOICES_CREATE, true, (grant, org) ->
                ok(200, sandbox.books().emailContent(org, id)));
    }

    @POST
    @Path("invoices/{id}/email")
    public Response email(@PathParam("id") String id, String body) {
        return call("POST /books/v3/invoices/{id}/email", INVOICES_CREATE, true, (grant, org) ->
                ok(200, sandbox.books().email(org, grant.user(), id,
                        body == null || body.isBlank() ? Map.of() : parse(body))));
    }

    @GET
    @Path("invoices/{id}/payments")
    public Response invoicePayments(@PathParam("id") String id) {
        return call("GET /books/v3/invoices/{id}/payments", INVOICES_READ, true, (grant, org) ->
                ok(200, sandbox.books().invoicePayments(org, id)));
    }

    @POST
    @Path("customerpayments")
    public Response createPayment(String body) {
        return call("POST /books/v3/customerpayments", PAYMENTS_CREATE, true, (grant, org) ->
                ok(201, sandbox.books().createPayment(org, grant.user(), parse(body))));
    }

    @GET
    @Path("contacts")
    public Response contacts() {
        return call("GET /books/v3/contacts", CONTACTS_READ, true, (grant, org) ->
                ok(200, sandbox.books().listContacts(org, query())));
    }

    @GET
    @Path("contacts/{id}")
    public Response contact(@PathParam("id") String id) {
        return call("GET /books/v3/contacts/{id}", CONTACTS_READ, true, (grant, org) ->
                ok(200, sandbox.books().getContact(org, id)));
    }

    @POST
    @Path("contacts")
    public Response createContact(String body) {
        return call("POST /books/v3/contacts", CONTACTS_CREATE, true, (grant, org) ->
                ok(201, sandbox.books().createContact(org, grant.user(), parse(body))));
    }

    /** Counting, latency, faults, token, scope, organization and rate limit — then the work. */
    private Response call(String methodAndPath, String[] scopes, boolean needsOrg,
                          BiFunction<AccessGrant, BooksOrg, Response> work) {
        DataCenter dc = Requests.dc(dcId);
        sandbox.counters().increment(Counters.Kind.BOOKS_CALLS, dc);
        sandbox.counters().incrementPath(methodAndPath);
        sandbox.pause();
        Optional<Response> fault = FaultResponses.apply(sandbox.faults(), "books");
        if (fault.isPresent()) {
            return fault.get();
        }
        try {
            String token = Requests.oauthToken(authorization, false);
            if (token == null) {
                throw BooksException.badAuthentication();
            }
            AccessGrant grant = sandbox.accounts().authenticate(dc, token)
                    .orElseThrow(BooksException::badAuthentication);
            sandbox.counters().incrementUser(grant.user().email(), "books", methodAndPath);
            if (!grant.hasAnyScope(scopes) && !grant.hasAnyScope("ZohoBooks.fullaccess.all")) {
                throw BooksException.notAuthorized();
            }
            BooksOrg org = needsOrg ? sandbox.books().resolveOrg(dc, grant.user(), organizationId) : null;
            return work.apply(grant, org);
        } catch (BooksException e) {
            return ok(e.status(), e.body());
        }
    }

    private Map<String, String> query() {
        Map<String, String> q = new HashMap<>();
        uriInfo.getQueryParameters().forEach((k, v) -> q.put(k, v.isEmpty() ? null : v.get(0)));
        return q;
    }

    private static Map<String, Object> parse(String body) {
        try {
            return Jsons.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw BooksException.malformedJson();
        }
    }

    private static Response ok(int status, Object body) {
        return Response.status(status).entity(Jsons.write(body)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
