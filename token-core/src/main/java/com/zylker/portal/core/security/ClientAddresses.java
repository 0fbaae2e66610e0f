package com.zylker.portal.core.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address the portal records (sessions, pending sign-ins, audit) and bounds sign-ins by. The one
 * place that decides it: today the connection's peer; trusting {@code X-Forwarded-For} from configured
 * proxies belongs here too.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
