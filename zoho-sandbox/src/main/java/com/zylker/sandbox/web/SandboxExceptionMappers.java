package com.zylker.sandbox.web;

import com.zylker.sandbox.control.ControlDisabledException;
import com.zylker.sandbox.crm.CrmException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Zoho-shaped JSON for the sandbox's typed errors. */
public final class SandboxExceptionMappers {

    private SandboxExceptionMappers() {
    }

    @Provider
    public static class CrmErrors implements ExceptionMapper<CrmException> {
        @Override
        public Response toResponse(CrmException e) {
            // No Retry-After, even on 429: Zoho documents none, and the portal must not come to rely on one.
            return Response.status(e.status()).entity(Jsons.write(e.body()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    /**
     * Unknown paths and methods under Books answer in Books' envelope (Zoho: 404 code 5 "Invalid URL Passed",
     * 405 code 37), so a client's Books error handling sees one shape; everywhere else JAX-RS's own answer.
     */
    @Provider
    public static class BooksRouting implements ExceptionMapper<ClientErrorException> {

        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ClientErrorException e) {
            int status = e.getResponse().getStatus();
            if (uriInfo == null || !uriInfo.getPath().matches("/?api/[^/]+/books/v3(/.*)?")
                    || (status != 404 && status != 405)) {
                return e.getResponse();
            }
            Map<String, Object> body = status == 404
                    ? Map.of("code", 5, "message", "Invalid URL Passed")
                    : Map.of("code", 37, "message", "The HTTP method is not allowed for the requested resource");
            return Response.status(status).entity(Jsons.write(new java.util.LinkedHashMap<>(body)))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    @Provider
    public static class ControlDisabled implements ExceptionMapper<ControlDisabledException> {
        @Override
        public Response toResponse(ControlDisabledException e) {
            return Response.status(403)
                    .entity(Jsons.write(Map.of("error", "control_disabled", "message", e.getMessage())))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }
}
