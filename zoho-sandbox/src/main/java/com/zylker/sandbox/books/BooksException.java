package com.zylker.sandbox.books;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Books error in Zoho's envelope {@code {"code": <non-zero>, "message": "…"}} with its HTTP status. Codes
 * Zoho documents (1002, 1000, 57, 14, 45, 1038) are used as documented; where Zoho documents none, the
 * sandbox picks one and the README says so — clients should match on HTTP status and message.
 */
public class BooksException extends RuntimeException {

    private final int status;
    private final int code;

    public BooksException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", getMessage());
        return body;
    }

    public static BooksException notAuthorized() {
        return new BooksException(401, 57, "You are not authorized to perform this operation");
    }

    public static BooksException badAuthentication() {
        return new BooksException(401, 14, "Invalid value passed for Authorization");
    }

    public static BooksException invalidOrganization() {
        return new BooksException(400, 6041, "Invalid value passed for organization_id");
    }

    public static BooksException notAssociated() {
        return new BooksException(400, 6041, "This user is not associated with the organization");
    }

    public static BooksException invoiceNotFound() {
        return new BooksException(404, 1002, "Invoice does not exist.");
    }

    public static BooksException contactNotFound() {
        return new BooksException(404, 1002, "Contact does not exist.");
    }

    public static BooksException malformedJson() {
        return new BooksException(400, 1038, "JSON is not well formed");
    }

    public static BooksException invalidValue(String param) {
        return new BooksException(400, 2, "Invalid value passed for " + param);
    }

    /** The per-minute limit; Zoho's code for it is unconfirmed, 45 is its documented call-limit code. */
    public static BooksException rateLimited() {
        return new BooksException(429, 45,
                "You have made too many requests continuously. Please try again after some time.");
    }
}
