package com.zylker.portal.core.zoho;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho's wire shapes, read with JSON-B and turned into the public DTOs by the clients. Unknown fields are
 * ignored; fields whose type Zoho is loose about are {@link JsonValue}s and read with {@link #text(JsonValue)}.
 * Nothing here leaves the package.
 */
final class ZohoWire {

    private ZohoWire() {
    }

    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    /** Not JSON, not the expected shape, or empty. */
    static final class UnreadableException extends Exception {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static <T> T read(String body, Class<T> type) throws UnreadableException {
        if (body == null || body.isBlank()) {
            throw new UnreadableException("empty body", null);
        }
        T value;
        try {
            value = Holder.JSONB.fromJson(body, type);
        } catch (JsonbException | JsonException | IllegalArgumentException | ClassCastException e) {
            throw new UnreadableException("not the expected JSON", e);
        }
        if (value == null) {
            throw new UnreadableException("JSON null instead of an object", null);
        }
        return value;
    }

    static String write(Object value) {
        return Holder.JSONB.toJson(value);
    }

    /** A string or number as text; {@code null} for JSON null, absent values, objects and arrays. */
    static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        return null;
    }

    /** A lookup's {@code name} ({@code {"name": …, "id": …}}), or a plain string value. */
    static String lookupName(JsonValue value) {
        if (value instanceof JsonObject o) {
            return text(o.get("name"));
        }
        return text(value);
    }

    static String lookupField(JsonValue value, String field) {
        return value instanceof JsonObject o ? text(o.get(field)) : null;
    }

    /** Flattens a details object: nested objects as dotted keys, arrays as JSON text, nulls left out. */
    static Map<String, String> flatten(JsonValue value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof JsonObject o) {
            flatten("", o, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, String> out) {
        object.forEach((key, v) -> {
            String k = prefix + key;
            if (v instanceof JsonObject nested) {
                flatten(k + ".", nested, out);
            } else if (v instanceof JsonArray) {
                out.put(k, v.toString());
            } else if (text(v) != null) {
                out.put(k, text(v));
            }
        });
    }

    // ---- accounts -------------------------------------------------------------------------------------

    public static final class TokenResponse {
        @JsonbProperty("access_token")
        public String accessToken;
        @JsonbProperty("refresh_token")
        public String refreshToken;
        @JsonbProperty("api_domain")
        public String apiDomain;
        @JsonbProperty("expires_in")
        public JsonValue expiresIn;
        @JsonbProperty("expires_in_sec")
        public JsonValue expiresInSec;
        public JsonValue error;
        @JsonbProperty("error_description")
        public JsonValue errorDescription;
    }

    public static final class UserInfo {
        @JsonbProperty("ZUID")
        public JsonValue zuid;
        @JsonbProperty("Email")
        public JsonValue email;
        @JsonbProperty("Display_Name")
        public JsonValue displayName;
        @JsonbProperty("First_Name")
        public JsonValue firstName;
        @JsonbProperty("Last_Name")
        public JsonValue lastName;
        public JsonValue error;
    }

    public static final class RevokeResponse {
        public JsonValue status;
        public JsonValue error;
    }

    // ---- CRM --------------------------------------------------------------------------------------------

    public static final class CrmError {
        public JsonValue code;
        public JsonValue message;
        public JsonValue status;
        public JsonValue details;
    }

    public static final class Info {
        @JsonbProperty("per_page")
        public Integer perPage;
        public Integer page;
        @JsonbProperty("more_records")
        public Boolean moreRecords;
        @JsonbProperty("next_page_token")
        public String nextPageToken;
    }

    public static final class DealRecord {
        public JsonValue id;
        @JsonbProperty("Deal_Name")
        public String name;
        @JsonbProperty("Stage")
        public String stage;
        @JsonbProperty("Amount")
        public BigDecimal amount;
        @JsonbProperty("Closing_Date")
        public String closingDate;
        @JsonbProperty("Account_Name")
        public JsonValue accountName;
        @JsonbProperty("Owner")
        public JsonValue owner;
        @JsonbProperty("Probability")
        public BigDecimal probability;
    }

    public static final class DealList {
        public List<DealRecord> data;
        public Info info;
    }

    public static final class LeadRecord {
        public JsonValue id;
        @JsonbProperty("First_Name")
        public String firstName;
        @JsonbProperty("Last_Name")
        public String lastName;
        @JsonbProperty("Email")
        public String email;
        @JsonbProperty("Phone")
        public JsonValue phone;
        @JsonbProperty("Company")
        public String company;
        @JsonbProperty("Lead_Source")
        public String leadSource;
        @JsonbProperty("Lead_Status")
        public String leadStatus;
        @JsonbProperty("Created_Time")
        public String createdTime;
    }

    public static final class LeadList {
        public List<LeadRecord> data;
        public Info info;
    }

    public static final class WriteOutcome {
        public JsonValue code;
        public JsonValue status;
        public JsonValue message;
        public JsonValue details;
    }

    public static final class WriteResponse {
        public List<WriteOutcome> data;
    }

    public static final class UserRecord {
        public JsonValue id;
        @JsonbProperty("full_name")
        public String fullName;
        public String email;
        public JsonValue role;
        public JsonValue profile;
    }

    public static final class UserList {
        public List<UserRecord> users;
    }
}
