package com.zylker.portal.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String K1 = KeyRing.generateSpec("k1", RANDOM);
    private static final String K2 = KeyRing.generateSpec("k2", RANDOM);

    @Test
    void activeKeyDefaultsToTheFirstInTheRing() {
        KeyRing ring = KeyRing.parse(K2 + "," + K1, null);

        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k1");
    }

    @Test
    void activeKeyCanBeChosen() {
        KeyRing ring = KeyRing.parse(K2 + ", " + K1, "k1");

        assertThat(ring.activeKeyId()).isEqualTo("k1");
    }

    @Test
    void refusesAnActiveKeyOutsideTheRing() {
        assertThatThrownBy(() -> KeyRing.parse(K1, "k9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k9' is not in");
    }

    @Test
    void refusesAnEmptyRing() {
        assertThatThrownBy(() -> KeyRing.parse(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEntryWithoutId() {
        assertThatThrownBy(() -> KeyRing.parse("AAAA", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id:base64key");
    }

    @Test
    void refusesInvalidBase64WithoutEchoingIt() {
        assertThatThrownBy(() -> KeyRing.parse("k1:not*base64!", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not*base64!");
    }

    @Test
    void refusesKeysThatAreNot256Bits() {
        String shortKey = "k1:" + Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.parse(shortKey, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }

    @Test
    void refusesRepeatedIds() {
        assertThatThrownBy(() -> KeyRing.parse(K1 + "," + K1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats key id 'k1'");
    }

    @Test
    void toStringShowsIdsOnly() {
        KeyRing ring = KeyRing.parse(K1, null);

        assertThat(ring.toString()).contains("k1").doesNotContain(K1.substring(3));
    }
}
