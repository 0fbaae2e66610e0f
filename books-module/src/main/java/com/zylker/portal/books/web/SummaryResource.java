package com.zylker.portal.books.web;

import com.zylker.portal.books.application.Ageing;
import com.zylker.portal.books.application.AgeingSummary;
import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /books/api/summary}: for the dashboard ({@code /home} loads it after the page appears) — the
 * user's organization (the chosen one, else Books' default) with, per currency, outstanding, overdue and
 * what falls due this week. The same cached figures as the invoice list's: at most 1 Books call per
 * organization per minute, plus the organization list every few minutes.
 */
@Path("summary")
public class SummaryResource {

    @Inject
    Organizations organizations;

    @Inject
    Ageing ageing;

    @Inject
    PortalUser user;

    private static JsonArrayBuilder buckets(AgeingSummary.CurrencyFigures c) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (int i = 0; i < c.buckets().size(); i++) {
            b.add(Json.createObjectBuilder().add("bucket", AgeingSummary.BUCKETS.get(i)).add("amount", c.buckets().get(i))
                    .add("invoices", c.bucketCounts().get(i)));
        }
        return b;
    }

    /** Drops the organization's cached figures and computes them again (1 call): a "Refresh" button. */
    @jakarta.ws.rs.POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        organizations.currentOrDefault(user.requireEmail()).ifPresent(o -> ageing.forget(o.id()));
        return summary();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        Optional<BooksOrganization> org = organizations.currentOrDefault(user.requireEmail());
        JsonObjectBuilder out = Json.createObjectBuilder();
        if (org.isEmpty()) {
            out.add("organization", jakarta.json.JsonValue.NULL).add("currencies", Json.createArrayBuilder());
        } else {
            AgeingSummary s = ageing.of(user.requireEmail(), org.get());
            JsonArrayBuilder currencies = Json.createArrayBuilder();
            s.currencies().forEach(c -> currencies.add(Json.createObjectBuilder()
                    .add("currency", c.currency())
                    .add("outstanding", c.outstanding())
                    .add("overdue", c.overdue())
                    .add("overdueInvoices", c.overdueInvoices())
                    .add("dueThisWeek", c.dueThisWeek())
                    .add("dueThisWeekInvoices", c.dueThisWeekInvoices())
                    .add("buckets", buckets(c))));
            out.add("organization", Json.createObjectBuilder().add("id", org.get().id())
                            .add("name", org.get().name() == null ? "" : org.get().name()))
                    .add("today", s.today().toString())
                    .add("unpaidInvoices", s.unpaidInvoices())
                    .add("currencies", currencies);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(out.build().toString(), MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
