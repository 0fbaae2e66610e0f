-- Administration (issue 12): who holds a grant, who may sign in, what happened.
-- The Zoho account id (ZUID) of a grant's owner: an email that moves to another ZUID never reuses the old grant.
ALTER TABLE oauth_token ADD COLUMN zuid VARCHAR(32) NULL;
ALTER TABLE portal_session ADD COLUMN zuid VARCHAR(32) NULL;

-- Pending sign-ins are bounded per client address (and in total): the address is kept with the state.
ALTER TABLE login_state ADD COLUMN client_ip VARCHAR(45) NULL;
CREATE INDEX ix_login_state_client ON login_state (client_ip, created_at);

-- People an administrator blocked (left the academy): refused at sign-in until unblocked.
CREATE TABLE blocked_user (
    email       VARCHAR(320)  NOT NULL,
    zuid        VARCHAR(32)   NULL,
    blocked_by  VARCHAR(320)  NULL,
    blocked_at  DATETIME      NOT NULL,
    CONSTRAINT pk_blocked_user PRIMARY KEY (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The audit trail: sign-ins, sign-outs, refusals, blocks, revocations, delete-all, purges.
CREATE TABLE audit_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME      NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    actor        VARCHAR(320)  NULL,
    subject      VARCHAR(320)  NULL,
    item_count   INT           NULL,
    detail       VARCHAR(1000) NULL,
    client_ip    VARCHAR(45)   NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);

-- One purge at a time across nodes: the node that moves next_due (or, run by hand, last_started) forward
-- with a conditional UPDATE holds the lease until lease_until.
CREATE TABLE purge_lease (
    name          VARCHAR(32)  NOT NULL,
    holder        VARCHAR(64)  NULL,
    lease_until   DATETIME     NOT NULL,
    next_due      DATETIME     NOT NULL,
    last_started  DATETIME     NOT NULL,
    CONSTRAINT pk_purge_lease PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO purge_lease (name, holder, lease_until, next_due, last_started)
VALUES ('purge', NULL, '1970-01-01 00:00:00', '1970-01-01 00:00:00', '1970-01-01 00:00:00');

-- What each purge did, for the admin page.
CREATE TABLE purge_run (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    node            VARCHAR(64)  NULL,
    started_at      DATETIME     NOT NULL,
    duration_ms     BIGINT       NOT NULL,
    sessions        INT          NOT NULL,
    login_states    INT          NOT NULL,
    tokens          INT          NOT NULL,
    revoke_failures INT          NOT NULL,
    audit_rows      INT          NOT NULL,
    CONSTRAINT pk_purge_run PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_purge_run_started ON purge_run (started_at);
