-- Local governments that take part in the programme. The organisation's own id is the tenant key that every
-- tenant-owned table elsewhere carries as organisation_id.
CREATE TABLE organisation (
    id            UUID                     NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    type          VARCHAR(40)              NOT NULL,
    nis_code      VARCHAR(5),
    inhabitants   INT,
    staff_count   INT,
    contact_email VARCHAR(254)             NOT NULL,
    contact_phone VARCHAR(40),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INT                      NOT NULL,
    CONSTRAINT organisation_pk PRIMARY KEY (id),
    CONSTRAINT organisation_type_ck CHECK (type IN ('MUNICIPALITY', 'SOCIAL_WELFARE_CENTRE', 'POLICE_ZONE',
                                                    'PROVINCE', 'INTERMUNICIPAL_ASSOCIATION', 'OTHER')),
    CONSTRAINT organisation_inhabitants_ck CHECK (inhabitants IS NULL OR inhabitants >= 0),
    CONSTRAINT organisation_staff_ck CHECK (staff_count IS NULL OR staff_count >= 0)
);
CREATE UNIQUE INDEX organisation_name_uq ON organisation (name);
CREATE UNIQUE INDEX organisation_nis_code_uq ON organisation (nis_code);
CREATE INDEX organisation_type_ix ON organisation (type);
