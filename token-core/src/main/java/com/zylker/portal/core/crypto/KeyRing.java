package com.zylker.portal.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect tokens at rest, by id, with one active key for new writes.
 *
 * <p>Rows keep the id of the key that sealed them, so the ring may hold retired keys for reading while
 * {@code portal.crypto.active-key} names the one used for writing; rotation is: add a key, make it active,
 * run {@code JpaTokenStore.reencryptAll()}, then drop the old key.
 *
 * <pre>{@code
 * KeyRing ring = KeyRing.parse("k2:BASE64...,k1:BASE64...", "k2");
 * }</pre>
 *
 * <p>Error messages name key ids and positions, never key material.
 */
public final class KeyRing {

    /** Bytes in an AES-256 key. */
    public static final int KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private KeyRing(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Parses {@code id:base64key,…}.
     *
     * @param spec        the configured ring (property {@code portal.crypto.keys})
     * @param activeKeyId the id for new writes, or {@code null}/blank for the first key in the ring
     * @throws IllegalArgumentException when the ring is empty or malformed, a key is not 32 bytes, an id repeats,
     *                                  or the active id is not in the ring
     */
    public static KeyRing parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("portal.crypto.keys is empty: expected id:base64key[,id:base64key...]");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("portal.crypto.keys entry " + (i + 1)
                        + " is not of the form id:base64key");
            }
            String id = entry.substring(0, colon).trim();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("portal.crypto.keys entry " + (i + 1)
                        + ": key id must be 1-32 characters of A-Z a-z 0-9 _ . -");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("portal.crypto.keys key '" + id + "' is not valid base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("portal.crypto.keys key '" + id + "' has " + material.length
                        + " bytes; AES-256 needs " + KEY_BYTES);
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("portal.crypto.keys repeats key id '" + id + "'");
            }
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? keys.keySet().iterator().next() : activeKeyId.trim();
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("portal.crypto.active-key '" + active + "' is not in portal.crypto.keys "
                    + keys.keySet());
        }
        return new KeyRing(new LinkedHashMap<>(keys), active);
    }

    /** A ring spec ({@code id:base64key}) holding one fresh random key; used for demo mode and tests. */
    public static String generateSpec(String id, SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals new values. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Every key id in ring order (the active one included). */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /** Whether the ring holds a key with this id. */
    public boolean contains(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * The key with this id.
     *
     * @throws CryptoException when the ring does not hold it (e.g. a row sealed under a key since removed)
     */
    public SecretKey key(String keyId) {
        SecretKey key = keys.get(Objects.requireNonNull(keyId, "keyId"));
        if (key == null) {
            throw new CryptoException("Key '" + keyId + "' is not in portal.crypto.keys " + keys.keySet()
                    + "; add it back to read data sealed under it");
        }
        return key;
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet() + " active=" + activeKeyId;
    }
}
