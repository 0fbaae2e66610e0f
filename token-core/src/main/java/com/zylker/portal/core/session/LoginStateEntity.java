package com.zylker.portal.core.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A sign-in in flight: the hash of its OAuth {@code state} and where to go once signed in. */
@Entity
@Table(name = "login_state")
public class LoginStateEntity {

    @Id
    @Column(name = "state_hash", length = 32, nullable = false, updatable = false)
    private byte[] stateHash;

    @Column(name = "return_to", length = 2048, updatable = false)
    private String returnTo;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "client_ip", length = 45, updatable = false)
    private String clientIp;

    protected LoginStateEntity() {
    }

    LoginStateEntity(byte[] stateHash, String returnTo, LocalDateTime createdAt, String clientIp) {
        this.stateHash = stateHash.clone();
        this.returnTo = returnTo;
        this.createdAt = createdAt;
        this.clientIp = clientIp;
    }

    String returnTo() {
        return returnTo;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }
}
