package com.zylker.portal.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals token values with AES-GCM and computes the keyed hashes that let the store find a row by token value
 * or user name without decrypting anything.
 *
 * <p>Sealed format: {@code [1 byte format version][12 byte random IV][ciphertext + 16 byte tag]}. The caller's
 * {@code context} (e.g. column and row id) is authenticated as associated data, so a sealed value copied to
 * another column or row does not open.
 *
 * <p>Lookup hashes are HMAC-SHA256 under a key derived per ring key ({@code HMAC(ringKey, "lookup")}), so the
 * hash of a value differs per ring key: a lookup asks for the hashes under every ring key at once, which keeps
 * rows findable during a rotation. Thread-safe.
 */
public final class TokenCipher {

    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String HMAC = "HmacSHA256";

    private final KeyRing ring;
    private final Map<String, SecretKeySpec> lookupKeys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(KeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
        for (String id : ring.keyIds()) {
            lookupKeys.put(id, new SecretKeySpec(hmac(new SecretKeySpec(ring.key(id).getEncoded(), HMAC),
                    "lookup".getBytes(StandardCharsets.UTF_8)), HMAC));
        }
    }

    /** The id of the key {@link #seal} uses; callers store it beside the sealed values. */
    public String activeKeyId() {
        return ring.activeKeyId();
    }

    /** Whether values sealed under this key id can be opened. */
    public boolean knowsKey(String keyId) {
        return ring.contains(keyId);
    }

    /** Encrypts {@code plaintext} under the active key with a fresh IV; {@code null} stays {@code null}. */
    public byte[] seal(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.key(ring.activeKeyId()), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(ring.activeKeyId(), context));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + body.length).put(FORMAT_V1).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("Could not seal a value (" + context + ") under key '" + ring.activeKeyId() + "'", e);
        }
    }

    /**
     * Decrypts a value sealed under {@code keyId} with the same {@code context}.
     *
     * @throws CryptoException when the key is unknown, wrong, or the data was altered
     */
    public String open(String keyId, byte[] sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_V1) {
            throw new CryptoException("Sealed value (" + context + ") has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, ring.key(keyId), new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(aad(keyId, context));
            byte[] plain = cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CryptoException("Sealed value (" + context + ") does not open with key '" + keyId
                    + "': the key material differs from the one that sealed it, or the data was altered", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("Could not open a value (" + context + ") with key '" + keyId + "'", e);
        }
    }

    /** The lookup hash of {@code value} under one ring key (32 bytes); {@code null} stays {@code null}. */
    public byte[] lookupHash(String keyId, String value) {
        if (value == null) {
            return null;
        }
        SecretKeySpec key = lookupKeys.get(keyId);
        if (key == null) {
            ring.key(keyId); // throws the ring's clear "not in the ring" error
        }
        return hmac(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The lookup hash of {@code value} under every ring key, active key first; for {@code WHERE hash IN (...)}. */
    public List<byte[]> lookupHashes(String value) {
        List<byte[]> hashes = new ArrayList<>(lookupKeys.size());
        hashes.add(lookupHash(ring.activeKeyId(), value));
        for (String id : lookupKeys.keySet()) {
            if (!id.equals(ring.activeKeyId())) {
                hashes.add(lookupHash(id, value));
            }
        }
        return hashes;
    }

    private static byte[] aad(String keyId, String context) {
        return (keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[" + ring + "]";
    }
}
