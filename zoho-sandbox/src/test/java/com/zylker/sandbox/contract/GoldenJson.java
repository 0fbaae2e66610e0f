package com.zylker.sandbox.contract;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a response body with a golden file under {@code src/test/resources/golden/} (rules in its
 * README): fixed values must be equal, generated ones only of the right type. Independent of the sandbox's
 * code on purpose, so the contract comes from ZOHO-FACTS.md and not from what the sandbox happens to do.
 */
final class GoldenJson {

    private GoldenJson() {
    }

    static JsonValue parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    static String load(String name) {
        try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mismatches between golden file {@code name} and {@code actualJson}; empty when they match. */
    static List<String> mismatches(String name, String actualJson, String base) {
        List<String> problems = new ArrayList<>();
        compare("$", parse(load(name)), parse(actualJson), base, problems);
        return problems;
    }

    static void assertMatches(String name, String actualJson, String base) {
        List<String> problems = mismatches(name, actualJson, base);
        if (!problems.isEmpty()) {
            throw new AssertionError("Response does not match golden/" + name + ": " + problems
                    + "\nactual: " + actualJson);
        }
    }

    private static void compare(String path, JsonValue expected, JsonValue actual, String base, List<String> out) {
        // "$string" and friends are placeholders; "$.data[0].Email" (a Zoho json_path) is a literal.
        if (expected instanceof JsonString s && s.getString().matches("\\$[a-z-]+")) {
            matchType(path, s.getString(), actual, out);
            return;
        }
        switch (expected.getValueType()) {
            case OBJECT -> {
                if (!(actual instanceof JsonObject a)) {
                    out.add(path + ": expected an object, was " + actual);
                    return;
                }
                JsonObject e = expected.asJsonObject();
                boolean partial = e.containsKey("$partial") && e.getBoolean("$partial");
                Set<String> keys = new HashSet<>(e.keySet());
                keys.remove("$partial");
                for (String k : keys) {
                    if (!a.containsKey(k)) {
                        out.add(path + "." + k + ": missing");
                    } else {
                        compare(path + "." + k, e.get(k), a.get(k), base, out);
                    }
                }
                if (!partial) {
                    Set<String> extra = new HashSet<>(a.keySet());
                    extra.removeAll(keys);
                    if (!extra.isEmpty()) {
                        out.add(path + ": unexpected keys " + extra);
                    }
                }
            }
            case ARRAY -> {
                if (!(actual instanceof JsonArray a)) {
                    out.add(path + ": expected an array, was " + actual);
                    return;
                }
                JsonArray e = expected.asJsonArray();
                if (e.size() == 1) {
                    if (a.isEmpty()) {
                        out.add(path + ": expected a non-empty array");
                    }
                    for (int i = 0; i < a.size(); i++) {
                        compare(path + "[" + i + "]", e.get(0), a.get(i), base, out);
                    }
                } else if (e.size() != a.size()) {
                    out.add(path + ": expected " + e.size() + " elements, was " + a.size());
                } else {
                    for (int i = 0; i < a.size(); i++) {
                        compare(path + "[" + i + "]", e.get(i), a.get(i), base, out);
                    }
                }
            }
            case STRING -> {
                String wanted = ((JsonString) expected).getString().replace("{base}", base);
                if (!(actual instanceof JsonString a) || !a.getString().equals(wanted)) {
                    out.add(path + ": expected \"" + wanted + "\", was " + actual);
                }
            }
            default -> {
                if (!expected.equals(actual)) {
                    out.add(path + ": expected " + expected + ", was " + actual);
                }
            }
        }
    }

    private static void matchType(String path, String type, JsonValue actual, List<String> out) {
        boolean ok = switch (type) {
            case "$any" -> true;
            case "$string" -> actual.getValueType() == JsonValue.ValueType.STRING;
            case "$string-or-null" -> actual.getValueType() == JsonValue.ValueType.STRING
                    || actual.getValueType() == JsonValue.ValueType.NULL;
            case "$token" -> actual instanceof JsonString s && s.getString().matches("1000\\.[0-9a-f]+\\.[0-9a-f]+");
            case "$number" -> actual.getValueType() == JsonValue.ValueType.NUMBER;
            case "$boolean" -> actual.getValueType() == JsonValue.ValueType.TRUE
                    || actual.getValueType() == JsonValue.ValueType.FALSE;
            case "$object" -> actual.getValueType() == JsonValue.ValueType.OBJECT;
            case "$array" -> actual.getValueType() == JsonValue.ValueType.ARRAY;
            default -> throw new IllegalArgumentException("unknown placeholder " + type);
        };
        if (!ok) {
            out.add(path + ": expected " + type + ", was " + actual);
        }
    }
}
