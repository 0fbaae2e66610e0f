package com.zylker.portal.core.zoho.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading and writing Zoho's JSON with JSON-B, shared by the adapters; each adapter keeps its own wire shapes
 * package-private. Unknown fields are ignored; fields whose type Zoho is loose about are {@link JsonValue}s
 * and read with {@link #text(JsonValue)}.
 */
public final class ZohoJson {

    private ZohoJson() {
    }

    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    /** Not JSON, not the expected shape, or empty. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static <T> T read(String body, Class<T> type) throws UnreadableException {
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

    /** The body as a JSON object (for records whose fields vary by module or query). */
    public static JsonObject object(String body) throws UnreadableException {
        if (body == null || body.isBlank()) {
            throw new UnreadableException("empty body", null);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnreadableException("not a JSON object", e);
        }
    }

    public static String write(Object value) {
        return Holder.JSONB.toJson(value);
    }

    /** A string or number as text; {@code null} for JSON null, absent values, objects and arrays. */
    public static String text(JsonValue value) {
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
    public static String lookupName(JsonValue value) {
        if (value instanceof JsonObject o) {
            return text(o.get("name"));
        }
        return text(value);
    }

    public static String lookupField(JsonValue value, String field) {
        return value instanceof JsonObject o ? text(o.get(field)) : null;
    }

    /** Flattens a details object: nested objects as dotted keys, arrays as JSON text, nulls left out. */
    public static Map<String, String> flatten(JsonValue value) {
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
}
