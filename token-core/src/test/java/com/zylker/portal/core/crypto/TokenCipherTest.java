package com.zylker.portal.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String k1 = KeyRing.generateSpec("k1", RANDOM);
    private final TokenCipher cipher = new TokenCipher(KeyRing.parse(k1, null));

    @Test
    void opensWhatItSeals() {
        byte[] sealed = cipher.seal("1000.abc.def ü😀", "ctx");

        assertThat(cipher.open("k1", sealed, "ctx")).isEqualTo("1000.abc.def ü😀");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.seal("same", "ctx")).isNotEqualTo(cipher.seal("same", "ctx"));
    }

    @Test
    void refusesAnotherContext() {
        byte[] sealed = cipher.seal("value", "oauth_token.access_token/1");

        assertThatThrownBy(() -> cipher.open("k1", sealed, "oauth_token.refresh_token/1"))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void wrongKeyMaterialFailsClearly() {
        byte[] sealed = cipher.seal("value", "ctx");
        TokenCipher other = new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k1", RANDOM), null));

        assertThatThrownBy(() -> other.open("k1", sealed, "ctx"))
                .isInstanceOf(CryptoException.class).hasMessageContaining("does not open with key 'k1'");
    }

    @Test
    void tamperedDataFails() {
        byte[] sealed = cipher.seal("value", "ctx");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("k1", sealed, "ctx")).isInstanceOf(CryptoException.class);
    }

    @Test
    void lookupHashIsStablePerKeyAndDiffersBetweenKeys() {
        TokenCipher two = new TokenCipher(KeyRing.parse(KeyRing.generateSpec("k2", RANDOM) + "," + k1, null));

        assertThat(two.lookupHash("k1", "v")).isEqualTo(cipher.lookupHash("k1", "v")).hasSize(32);
        assertThat(two.lookupHash("k2", "v")).isNotEqualTo(two.lookupHash("k1", "v"));
        assertThat(two.lookupHashes("v")).hasSize(2);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.seal(null, "ctx")).isNull();
    }
}
