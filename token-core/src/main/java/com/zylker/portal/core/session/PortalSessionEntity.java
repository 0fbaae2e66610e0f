package com.zylker.portal.core.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A signed-in browser, as stored: the hash of its cookie value, never the value itself. Times UTC, whole seconds. */
@Entity
@Table(name = "portal_session")
public class PortalSessionEntity {

    @Id
    @Column(name = "id_hash", length = 32, nullable = false, updatable = false)
    private byte[] idHash;

    @Column(name = "public_id", length = 36, nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_email", length = 320, nullable = false, updatable = false)
    private String userEmail;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "token_id", length = 36, nullable = false, updatable = false)
    private String tokenId;

    @Column(name = "data_centre", length = 16, nullable = false, updatable = false)
    private String dataCentre;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private LocalDateTime lastSeenAt;

    @Column(name = "client_ip", length = 45)
    private String clientIp;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "zuid", length = 32, updatable = false)
    private String zuid;

    protected PortalSessionEntity() {
    }

    PortalSessionEntity(byte[] idHash, String publicId, String userEmail, String displayName, String tokenId,
                        String dataCentre, LocalDateTime now, String clientIp, String userAgent, String zuid) {
        this.idHash = idHash.clone();
        this.publicId = publicId;
        this.userEmail = userEmail;
        this.displayName = displayName;
        this.tokenId = tokenId;
        this.dataCentre = dataCentre;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        this.zuid = zuid;
    }

    PortalSession toSession() {
        return new PortalSession(publicId, userEmail, displayName, tokenId, dataCentre,
                PortalSessions.toInstant(createdAt), PortalSessions.toInstant(lastSeenAt), clientIp, userAgent, zuid);
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime lastSeenAt() {
        return lastSeenAt;
    }

    String tokenId() {
        return tokenId;
    }

    byte[] idHash() {
        return idHash.clone();
    }

    String userEmail() {
        return userEmail;
    }
}
