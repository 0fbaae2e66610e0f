-- Books screens (books-module). All three tables are per user and shared by every node, so that whichever
-- node serves the next request knows the same.

-- The Books organization a user with several chose; users with one never get a row.
CREATE TABLE books_org_choice (
    user_email       VARCHAR(320)  NOT NULL,
    organization_id  VARCHAR(40)   NOT NULL,
    chosen_at        DATETIME      NOT NULL,
    CONSTRAINT pk_books_org_choice PRIMARY KEY (user_email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- "Books refused this user's write as not authorized": remembered for a while per organization, so the
-- screens show read-only instead of buttons Books will refuse, and forged writes never reach Books. A sign-in
-- after remembered_at asks Books afresh (an administrator may have changed the user's role).
CREATE TABLE books_read_only (
    user_email       VARCHAR(320)  NOT NULL,
    organization_id  VARCHAR(40)   NOT NULL,
    remembered_at    DATETIME      NOT NULL,
    until_at         DATETIME      NOT NULL,
    CONSTRAINT pk_books_read_only PRIMARY KEY (user_email, organization_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One-time form tokens (as SHA-256): the first submit of a form claims its token, any repeat (a double
-- click, a resent form, the other node) finds it claimed. Books has no idempotency key: this is the only
-- place a second write can be stopped. state: CLAIMED (in flight), DONE (outcome = the record's id),
-- UNKNOWN (timed out: look for the marker before sending again).
CREATE TABLE books_form_token (
    token_hash       BINARY(32)    NOT NULL,
    user_email       VARCHAR(320)  NOT NULL,
    state            VARCHAR(12)   NOT NULL,
    outcome          VARCHAR(64)   NULL,
    created_at       DATETIME      NOT NULL,
    CONSTRAINT pk_books_form_token PRIMARY KEY (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_books_form_token_created ON books_form_token (created_at);
