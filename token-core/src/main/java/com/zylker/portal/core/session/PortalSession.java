package com.zylker.portal.core.session;

import java.time.Instant;

/**
 * A signed-in browser as the rest of the portal sees it. {@code publicId} identifies it to admins (revoke one
 * session) without revealing the cookie value, which only the browser knows.
 */
public record PortalSession(String publicId, String userEmail, String displayName, String tokenId,
                            String dataCentre, Instant createdAt, Instant lastSeenAt, String clientIp,
                            String userAgent, String zuid) {
}
