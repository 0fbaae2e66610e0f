-- Portal sessions: the browser holds a random 256-bit id in a cookie; the database holds only its SHA-256.
-- Deleting a row signs that browser out of every module at its next request. Sessions die with their token.
CREATE TABLE portal_session (
    id_hash       BINARY(32)    NOT NULL,
    public_id     VARCHAR(36)   NOT NULL,
    user_email    VARCHAR(320)  NOT NULL,
    display_name  VARCHAR(255)  NULL,
    token_id      VARCHAR(36)   NOT NULL,
    data_centre   VARCHAR(16)   NOT NULL,
    created_at    DATETIME      NOT NULL,
    last_seen_at  DATETIME      NOT NULL,
    client_ip     VARCHAR(45)   NULL,
    user_agent    VARCHAR(512)  NULL,
    CONSTRAINT pk_portal_session PRIMARY KEY (id_hash),
    CONSTRAINT uk_portal_session_public_id UNIQUE (public_id),
    CONSTRAINT fk_portal_session_token FOREIGN KEY (token_id) REFERENCES oauth_token (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_portal_session_user_email ON portal_session (user_email);
CREATE INDEX ix_portal_session_last_seen ON portal_session (last_seen_at);

-- Sign-in attempts in flight: the OAuth state (as SHA-256), single use, valid for a few minutes. In the
-- database rather than the HTTP session, so that any node can finish a sign-in another node started.
CREATE TABLE login_state (
    state_hash    BINARY(32)    NOT NULL,
    return_to     VARCHAR(2048) NULL,
    created_at    DATETIME      NOT NULL,
    CONSTRAINT pk_login_state PRIMARY KEY (state_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_login_state_created ON login_state (created_at);

-- One row per token, locked (SELECT … FOR UPDATE) only around a refresh call: at most one refresh of a
-- token is in flight across all nodes, and nobody waits on the token row itself.
CREATE TABLE token_refresh_lock (
    token_id      VARCHAR(36)   NOT NULL,
    CONSTRAINT pk_token_refresh_lock PRIMARY KEY (token_id),
    CONSTRAINT fk_token_refresh_lock_token FOREIGN KEY (token_id) REFERENCES oauth_token (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
