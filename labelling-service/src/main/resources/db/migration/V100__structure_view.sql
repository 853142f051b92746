-- Write-side guard: one organisation per SIRET, claimed in the registration's own transaction.
create table siret_claims (
    siret        text primary key,
    structure_id uuid not null unique
);

-- Read model of places and their label, fed by labelling.structure-events.v1.
create table structure_view (
    structure_id         uuid primary key,
    name                 text        not null,
    siret                text        not null,
    legal_form           text,
    street               text,
    postcode             text        not null,
    commune              text        not null,
    departement          text        not null,
    label_status         text        not null,
    convention_reference text,
    label_valid_from     date,
    label_valid_until    date,
    events_applied       int         not null,
    updated_at           timestamptz not null
);
create index structure_view_departement on structure_view (departement, label_status);
