-- A merged member keeps its row (status 'merged', merged_into the survivor) so old ids still resolve.
CREATE TABLE members_member (
    tenant_id      TEXT    NOT NULL,
    member_id      TEXT    NOT NULL,
    display_name   TEXT    NULL,
    status         TEXT    NOT NULL,
    merged_into    TEXT    NULL,
    created_at_ms  BIGINT  NOT NULL,
    merged_at_ms   BIGINT  NULL,
    PRIMARY KEY (tenant_id, member_id)
);
CREATE INDEX members_member_merged_into ON members_member (tenant_id, merged_into);

-- The key makes an identifier name one member per tenant, however many registrations race for it.
CREATE TABLE members_identifier (
    tenant_id    TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    value        TEXT    NOT NULL,
    member_id    TEXT    NOT NULL,
    added_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, kind, value)
);
CREATE INDEX members_identifier_member ON members_identifier (tenant_id, member_id);

CREATE TABLE members_merge (
    tenant_id         TEXT    NOT NULL,
    merge_id          TEXT    NOT NULL,
    source_member_id  TEXT    NOT NULL,
    target_member_id  TEXT    NOT NULL,
    identifiers_json  TEXT    NOT NULL,
    merged_by         TEXT    NOT NULL,
    merged_at_ms      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, merge_id)
);
CREATE INDEX members_merge_target ON members_merge (tenant_id, target_member_id);
