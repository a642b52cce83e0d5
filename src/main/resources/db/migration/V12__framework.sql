-- Frameworks of the self-evaluation: immutable versions with a tree of nodes (areas, topics, controls).
-- Programme-wide content, not tenant-owned. A node is known by its ref within its version; answers refer to
-- (framework_version_id, ref). position is the node's place in a depth-first walk, so one ordered query
-- rebuilds the tree.
CREATE TABLE framework_version (
    id                  UUID                     NOT NULL,
    code                VARCHAR(40)              NOT NULL,
    version             VARCHAR(20)              NOT NULL,
    title               VARCHAR(300)             NOT NULL,
    language            VARCHAR(5)               NOT NULL,
    description         VARCHAR(4000),
    key_measure_minimum NUMERIC(3, 2)            NOT NULL,
    area_minimum        NUMERIC(3, 2)            NOT NULL,
    total_minimum       NUMERIC(3, 2)            NOT NULL,
    source              VARCHAR(20)              NOT NULL,
    mapped_from         VARCHAR(20),
    control_count       INT                      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          UUID,
    CONSTRAINT framework_version_pk PRIMARY KEY (id),
    CONSTRAINT framework_version_source_ck CHECK (source IN ('BUILT_IN', 'IMPORTED', 'OSCAL'))
);
CREATE UNIQUE INDEX framework_version_code_uq ON framework_version (code, version);

CREATE TABLE framework_tag (
    framework_version_id UUID         NOT NULL,
    code                 VARCHAR(40)  NOT NULL,
    label                VARCHAR(200) NOT NULL,
    position             INT          NOT NULL,
    CONSTRAINT framework_tag_pk PRIMARY KEY (framework_version_id, code),
    CONSTRAINT framework_tag_version_fk FOREIGN KEY (framework_version_id)
        REFERENCES framework_version (id) ON DELETE CASCADE
);

CREATE TABLE framework_node (
    framework_version_id UUID           NOT NULL,
    ref                  VARCHAR(40)    NOT NULL,
    parent_ref           VARCHAR(40),
    position             INT            NOT NULL,
    depth                INT            NOT NULL,
    kind                 VARCHAR(10)    NOT NULL,
    title                VARCHAR(300)   NOT NULL,
    description          VARCHAR(4000),
    question             VARCHAR(1000),
    guidance             VARCHAR(8000),
    evidence             VARCHAR(8000),
    weight               NUMERIC(8, 3)  NOT NULL,
    key_measure          BOOLEAN        NOT NULL,
    tags                 VARCHAR(1000),
    CONSTRAINT framework_node_pk PRIMARY KEY (framework_version_id, ref),
    CONSTRAINT framework_node_version_fk FOREIGN KEY (framework_version_id)
        REFERENCES framework_version (id) ON DELETE CASCADE,
    CONSTRAINT framework_node_kind_ck CHECK (kind IN ('GROUP', 'CONTROL'))
);
CREATE UNIQUE INDEX framework_node_position_uq ON framework_node (framework_version_id, position);

-- A new version may say which control of the previous version became which of its own.
CREATE TABLE framework_mapping (
    framework_version_id UUID        NOT NULL,
    from_ref             VARCHAR(40) NOT NULL,
    to_ref               VARCHAR(40) NOT NULL,
    CONSTRAINT framework_mapping_pk PRIMARY KEY (framework_version_id, from_ref),
    CONSTRAINT framework_mapping_version_fk FOREIGN KEY (framework_version_id)
        REFERENCES framework_version (id) ON DELETE CASCADE
);

-- Imports run in the background; the page polls this row for its progress bar. The file itself is not kept.
CREATE TABLE framework_import (
    id                   UUID                     NOT NULL,
    file_name            VARCHAR(255)             NOT NULL,
    kind                 VARCHAR(10)              NOT NULL,
    status               VARCHAR(10)              NOT NULL,
    bytes_total          BIGINT                   NOT NULL,
    bytes_read           BIGINT                   NOT NULL,
    message              VARCHAR(100),
    detail               VARCHAR(1000),
    framework_version_id UUID,
    created_by           UUID                     NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT framework_import_pk PRIMARY KEY (id),
    CONSTRAINT framework_import_kind_ck CHECK (kind IN ('BOLWERK', 'OSCAL')),
    CONSTRAINT framework_import_status_ck CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);
