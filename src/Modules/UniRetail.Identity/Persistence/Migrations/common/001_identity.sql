CREATE TABLE identity_tenant (
    tenant_id      TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL,
    currency       TEXT    NOT NULL,
    created_at_ms  BIGINT  NOT NULL
);

CREATE TABLE identity_location (
    tenant_id           TEXT    NOT NULL,
    location_id         TEXT    NOT NULL,
    code                TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    address             TEXT    NOT NULL,
    latitude            DOUBLE PRECISION NOT NULL,
    longitude           DOUBLE PRECISION NOT NULL,
    time_zone           TEXT    NOT NULL,
    opening_hours       TEXT    NOT NULL,
    ships               BOOLEAN NOT NULL,
    pickup              BOOLEAN NOT NULL,
    delivery_radius_km  DOUBLE PRECISION NOT NULL,
    daily_capacity      INTEGER NULL,
    created_at_ms       BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, location_id)
);
CREATE UNIQUE INDEX identity_location_code ON identity_location (tenant_id, code);

CREATE TABLE identity_api_key (
    tenant_id      TEXT    NOT NULL,
    key_id         TEXT    NOT NULL,
    secret_hash    TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    store_id       TEXT    NULL,
    created_at_ms  BIGINT  NOT NULL,
    revoked_at_ms  BIGINT  NULL,
    PRIMARY KEY (tenant_id, key_id)
);
CREATE UNIQUE INDEX identity_api_key_id ON identity_api_key (key_id);
