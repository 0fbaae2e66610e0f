package com.zylker.portal.core.zoho.http;

import java.net.http.HttpHeaders;

/** What Zoho answered: status, body (UTF-8, capped) and headers. */
public record ZohoResponse(int status, String body, HttpHeaders headers) {

    public boolean bodyIsBlank() {
        return body == null || body.isBlank();
    }
}
