package com.zylker.portal.core.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A row of {@code blocked_user}: someone an administrator barred from signing in. */
@Entity
@Table(name = "blocked_user")
public class BlockedUserEntity {

    @Id
    @Column(name = "email", length = 320, nullable = false, updatable = false)
    private String email;

    @Column(name = "zuid", length = 32)
    private String zuid;

    @Column(name = "blocked_by", length = 320)
    private String blockedBy;

    @Column(name = "blocked_at", nullable = false)
    private LocalDateTime blockedAt;

    protected BlockedUserEntity() {
    }

    BlockedUserEntity(String email, String zuid, String blockedBy, LocalDateTime blockedAt) {
        this.email = email;
        this.zuid = zuid;
        this.blockedBy = blockedBy;
        this.blockedAt = blockedAt;
    }

    BlockedUsers.Blocked toBlocked() {
        return new BlockedUsers.Blocked(email, zuid, blockedBy, blockedAt.toInstant(ZoneOffset.UTC));
    }
}
