package com.zylker.sandbox.web;

import com.zylker.sandbox.control.ControlDisabledException;
import com.zylker.sandbox.crm.CrmException;
import jakarta.ws.rs.core.MediaType;
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
