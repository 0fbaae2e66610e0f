-- OAuth tokens, one row per user. Token values and the client secret are AES-GCM sealed (BLOB: up to
-- 4,096 chars of UTF-8 plus IV and tag, kept off the 64 KB row limit); lookups go through HMAC-SHA256
-- hashes (BINARY(32)) computed under the row's key_id. Times are UTC at whole seconds.
-- Portable between MySQL/MariaDB and H2 2.2 in MODE=MySQL (no prefix indexes, no RETURNING).
CREATE TABLE oauth_token (
    id                 VARCHAR(36)   NOT NULL,
    version            BIGINT        NOT NULL,
    key_id             VARCHAR(32)   NOT NULL,
    user_name          VARCHAR(320)  NULL,
    user_name_hash     BINARY(32)    NULL,
    client_id          VARCHAR(255)  NULL,
    client_secret      BLOB          NULL,
    access_token       BLOB          NULL,
    access_token_hash  BINARY(32)    NULL,
    refresh_token      BLOB          NULL,
    refresh_token_hash BINARY(32)    NULL,
    grant_token        BLOB          NULL,
    grant_token_hash   BINARY(32)    NULL,
    expiry_time        DATETIME      NULL,
    redirect_url       VARCHAR(2048) NULL,
    api_domain         VARCHAR(255)  NULL,
    accounts_server    VARCHAR(255)  NULL,
    created_at         DATETIME      NOT NULL,
    updated_at         DATETIME      NOT NULL,
    CONSTRAINT pk_oauth_token PRIMARY KEY (id),
    CONSTRAINT uk_oauth_token_user_name_hash UNIQUE (user_name_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_oauth_token_access_token_hash ON oauth_token (access_token_hash);
CREATE INDEX ix_oauth_token_refresh_token_hash ON oauth_token (refresh_token_hash);
CREATE INDEX ix_oauth_token_grant_token_hash ON oauth_token (grant_token_hash);
CREATE INDEX ix_oauth_token_key_id ON oauth_token (key_id);
