package com.zylker.portal.core.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row locked around a token's refresh; it carries nothing but the token id. */
@Entity
@Table(name = "token_refresh_lock")
public class TokenRefreshLockEntity {

    @Id
    @Column(name = "token_id", length = 36, nullable = false, updatable = false)
    private String tokenId;

    protected TokenRefreshLockEntity() {
    }

    TokenRefreshLockEntity(String tokenId) {
        this.tokenId = tokenId;
    }
}
