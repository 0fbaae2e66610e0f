package com.zylker.portal.core.zoho.crm;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoJson;
import com.zylker.portal.core.zoho.http.ZohoResponse;
import com.zylker.portal.core.zoho.http.ZohoTransport;

/**
 * CRM's error answers as {@link ZohoApiException}s. 401, 429 and 5xx were already sorted by the authorized
 * call; what reaches here is CRM's own {@code {"code","details","message","status":"error"}} on a 4xx, or a
 * 200 that carries that shape instead of records.
 */
final class CrmErrors {

    private CrmErrors() {
    }

    static void requireOk(ZohoResponse r, String op) {
        if (r.status() != 200) {
            throw failure(r, op);
        }
    }

    static ZohoApiException failure(ZohoResponse r, String op) {
        int status = r.status();
        ZohoApiCalls.ErrorBody e = ZohoApiCalls.errorBody(r);
        String code = ZohoJson.text(e.code);
        String message = ZohoTransport.safeText(ZohoJson.text(e.message));
        String said = (code == null ? "" : " " + code) + (message == null || message.isEmpty() ? "" : " — " + message);
        if (status == 403) {
            return new ZohoApiException(Kind.FORBIDDEN, code,
                    "Zoho CRM does not allow this (" + op + ": HTTP 403" + said + ")", null, status, null);
        }
        if (status >= 400 && status <= 499) {
            return new ZohoApiException(Kind.INVALID_REQUEST, code,
                    "Zoho CRM refused " + op + " (HTTP " + status + said + ")", null, status, null);
        }
        return new ZohoApiException(Kind.PROTOCOL, code, "Zoho CRM " + op + ": unexpected HTTP " + status, null,
                status, null);
    }

    /** A 200 whose body is CRM's error shape instead of records. */
    static void rejectErrorShape(ZohoResponse r, boolean hasData, String op) {
        if (!hasData) {
            ZohoApiCalls.ErrorBody e = ZohoApiCalls.errorBody(r);
            if ("error".equals(ZohoJson.text(e.status)) || ZohoJson.text(e.code) != null) {
                throw new ZohoApiException(Kind.INVALID_REQUEST, ZohoJson.text(e.code), "Zoho CRM refused " + op
                        + " (" + ZohoJson.text(e.code) + " — " + ZohoTransport.safeText(ZohoJson.text(e.message)) + ")",
                        null, r.status(), null);
            }
        }
    }
}
