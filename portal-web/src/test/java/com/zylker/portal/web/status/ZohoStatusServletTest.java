package com.zylker.portal.web.status;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may read {@code /status/zoho}: a loopback peer without proxy headers, nobody else. */
class ZohoStatusServletTest {

    @Test
    void aLoopbackPeerTalkingDirectlyIsLocal() {
        assertThat(ZohoStatusServlet.isLocalDirect(request("127.0.0.1", Map.of()))).isTrue();
        assertThat(ZohoStatusServlet.isLocalDirect(request("0:0:0:0:0:0:0:1", Map.of()))).isTrue();
    }

    @Test
    void anotherPeerOrAProxyIsNot() {
        assertThat(ZohoStatusServlet.isLocalDirect(request("172.30.0.10", Map.of()))).as("nginx's container").isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request("203.0.113.9", Map.of()))).isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9"))))
                .as("a proxy on the node").isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request("127.0.0.1", Map.of("Forwarded", "for=203.0.113.9")))).isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request("127.0.0.1", Map.of("X-Real-IP", "203.0.113.9")))).isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request("localhost", Map.of()))).as("a name is never resolved").isFalse();
        assertThat(ZohoStatusServlet.isLocalDirect(request(null, Map.of()))).isFalse();
    }

    private static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ZohoStatusServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
