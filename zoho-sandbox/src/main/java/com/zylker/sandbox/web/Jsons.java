package com.zylker.sandbox.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON text and plain maps/lists. The services speak maps because CRM records are
 * field-driven; JSON-P here (rather than JSON-B) keeps explicit {@code null}s, which Zoho sends and clients
 * must cope with.
 */
public final class Jsons {

    private Jsons() {
    }

    public static String write(Object value) {
        return toJson(value).toString();
    }

    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.createValue(new BigDecimal(n.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            map.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
            return b.build();
        }
        if (value instanceof Iterable<?> list) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            list.forEach(v -> b.add(toJson(v)));
            return b.build();
        }
        return Json.createValue(value.toString());
    }

    /** Parses a JSON text into maps, lists, strings, Long/BigDecimal, booleans and nulls. */
    public static Object parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return fromJson(reader.readValue());
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("body is not valid JSON", e);
        }
    }

    /** Parses a JSON object body; anything else is an {@link IllegalArgumentException}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("body is empty");
        }
        Object parsed = parse(text);
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    public static Object fromJson(JsonValue v) {
        switch (v.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? (Object) n.longValue() : n.bigDecimalValue();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(e -> list.add(fromJson(e)));
                return list;
            default:
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, e) -> map.put(k, fromJson(e)));
                return map;
        }
    }
}
