CREATE TABLE identity_user (
    tenant_id        TEXT    NOT NULL,
    user_id          TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    role             TEXT    NOT NULL,
    store_id         TEXT    NULL,
    password_hash    TEXT    NOT NULL,
    stamp            TEXT    NOT NULL,
    failed_sign_ins  INTEGER NOT NULL,
    locked_until_ms  BIGINT  NULL,
    created_at_ms    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE UNIQUE INDEX identity_user_email ON identity_user (tenant_id, email);
