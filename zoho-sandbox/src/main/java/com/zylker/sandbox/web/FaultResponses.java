package com.zylker.sandbox.web;

import com.zylker.sandbox.control.Fault;
import com.zylker.sandbox.control.Faults;
import com.zylker.sandbox.books.BooksException;
import com.zylker.sandbox.crm.CrmException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/** Turns an armed fault into the response (and delay) a call of that family gets instead of the real one. */
public final class FaultResponses {

    private FaultResponses() {
    }

    /** Empty: proceed normally (possibly after the fault's delay). */
    public static Optional<Response> apply(Faults faults, String family) {
        Optional<Fault> taken = faults.take(family);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Fault fault = taken.get();
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!fault.replacesResponse()) {
            return Optional.empty();
        }
        String body = fault.body() != null ? fault.body() : Jsons.write(defaultBody(family, fault.status()));
        // No Retry-After on 429: neither CRM nor Books documents one.
        return Optional.of(Response.status(fault.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static Map<String, Object> defaultBody(String family, int status) {
        if ("crm".equals(family)) {
            if (status == 429) {
                return CrmException.tooManyRequests().body();
            }
            return new CrmException(status, "INTERNAL_ERROR", Map.of(), "Internal Server Error").body();
        }
        if ("books".equals(family)) {
            return status == 429 ? BooksException.rateLimited().body() : new BooksException(status, 1000,
                    "Internal error. Please try again after some time.").body();
        }
        return Map.of("error", status == 429 ? "Access Denied" : "server_error");
    }
}
