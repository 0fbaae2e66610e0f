package com.zylker.sandbox.crm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request-level CRM error, answered in Zoho's shape {@code {"code","details","message","status":"error"}}
 * with the HTTP status Zoho uses for it.
 */
public class CrmException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public CrmException(int status, String code, Map<String, Object> details, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", details);
        body.put("message", getMessage());
        body.put("status", "error");
        return body;
    }

    public static CrmException invalidToken() {
        return new CrmException(401, "INVALID_TOKEN", Map.of(), "invalid oauth token");
    }

    public static CrmException authenticationFailure() {
        return new CrmException(401, "AUTHENTICATION_FAILURE", Map.of(), "Authentication failed");
    }

    public static CrmException scopeMismatch() {
        return new CrmException(401, "OAUTH_SCOPE_MISMATCH", Map.of(), "invalid oauth scope to access this URL");
    }

    public static CrmException invalidModule() {
        return new CrmException(400, "INVALID_MODULE", Map.of("resource_path_index", 0),
                "the module name given seems to be invalid");
    }

    public static CrmException requiredParamMissing(String param) {
        return new CrmException(400, "REQUIRED_PARAM_MISSING", Map.of("param", param),
                "One of the expected parameter is missing");
    }

    public static CrmException invalidParam(String param, String message) {
        return new CrmException(400, "INVALID_DATA", Map.of("param", param), message);
    }

    public static CrmException limitExceeded(String param, int limit) {
        return new CrmException(400, "LIMIT_EXCEEDED", Map.of("param", param, "limit", limit),
                "the limit for " + param + " has been exceeded");
    }

    public static CrmException tooManyRequests() {
        return new CrmException(429, "TOO_MANY_REQUESTS", Map.of(),
                "The number of requests you have made has exceeded the allowed limit. Please try again later.");
    }
}
