package com.zylker.portal.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final List<ClientAddresses.Cidr> NGINX = ClientAddresses.parse("127.0.0.1, 10.0.0.0/8");

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(ClientAddresses.clientAddress("198.51.100.4", "203.0.113.7", NGINX)).isEqualTo("198.51.100.4");
        assertThat(ClientAddresses.clientAddress("198.51.100.4", "203.0.113.7", List.of())).isEqualTo("198.51.100.4");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(ClientAddresses.clientAddress("127.0.0.1", "203.0.113.7", NGINX)).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.clientAddress("10.1.2.3", "203.0.113.7, 10.9.9.9", NGINX)).isEqualTo("203.0.113.7");
    }

    @Test
    void entriesTheClientWroteItselfProveNothing() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
        assertThat(ClientAddresses.clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7", NGINX)).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.clientAddress("127.0.0.1", "evil.example", NGINX)).isEqualTo("127.0.0.1");
    }

    @Test
    void perClientBoundsCountAnIpv6ClientByItsSlash48() {
        assertThat(ClientAddresses.boundKey("198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddresses.boundKey("2001:db8:7:1:1::9")).isEqualTo("2001:db8:7::/48");
        assertThat(ClientAddresses.boundKey("2001:0db8:0007:ff00:ffff:ffff:ffff:fffe"))
                .as("another /64 of the same subscriber's /48").isEqualTo("2001:db8:7::/48");
        assertThat(ClientAddresses.boundKey("2001:db8:8::1")).as("the next /48").isEqualTo("2001:db8:8::/48");
        assertThat(ClientAddresses.boundKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.boundKey("evil.example")).as("never resolved").isEqualTo("evil.example");
        assertThat(ClientAddresses.boundKey(null)).isNull();
    }

    @Test
    void blocksMatchByPrefixAndNeverResolveNames() {
        ClientAddresses.Cidr ten = ClientAddresses.Cidr.of("10.0.0.0/8");
        assertThat(ten.contains("10.255.0.1")).isTrue();
        assertThat(ten.contains("11.0.0.1")).isFalse();
        assertThat(ten.contains("localhost")).isFalse();
        assertThat(ClientAddresses.Cidr.of("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(ClientAddresses.Cidr.of("127.0.0.1").contains("::ffff:127.0.0.1")).isTrue();
        assertThatThrownBy(() -> ClientAddresses.Cidr.of("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }
}
