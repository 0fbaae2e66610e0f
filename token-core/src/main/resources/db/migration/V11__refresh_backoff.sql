-- A refresh Zoho's token endpoint failed (down, slow, rate-limited, our client refused): remembered per token
-- so that every WAR and node waits out the back-off instead of asking again on each request (Zoho allows 10
-- refreshes per refresh token per 10 minutes). No foreign key: a sign-out deletes the token without waiting,
-- and a new grant or a successful refresh deletes the row. Times are UTC at whole seconds.
CREATE TABLE refresh_backoff (
    token_id     VARCHAR(36) NOT NULL,
    failed_at    DATETIME    NOT NULL,
    retry_after  DATETIME    NOT NULL,
    failures     INT         NOT NULL,
    CONSTRAINT pk_refresh_backoff PRIMARY KEY (token_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
