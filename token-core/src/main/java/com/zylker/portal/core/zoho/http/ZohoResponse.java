package com.zylker.portal.core.zoho.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * What Zoho answered: status, body (UTF-8, capped) and headers; {@code bytes} is the body as received, for
 * the few answers that are not text (an invoice's PDF).
 */
public record ZohoResponse(int status, String body, HttpHeaders headers, byte[] bytes) {

    public ZohoResponse(int status, String body, HttpHeaders headers) {
        this(status, body, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    public boolean bodyIsBlank() {
        return body == null || body.isBlank();
    }

    /** A copy of the raw body. */
    @Override
    public byte[] bytes() {
        return bytes == null ? new byte[0] : bytes.clone();
    }
}
