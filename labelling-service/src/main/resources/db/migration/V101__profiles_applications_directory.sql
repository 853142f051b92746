-- This service's own stream: facts about a place that have no event type on the labelling topic yet.
-- Each row follows the shared stream's event number after_version, which orders the two streams as one.
create table structure_local_events (
    position       bigserial   primary key,
    structure_id   uuid        not null,
    after_version  bigint      not null,
    event_id       uuid        not null unique,
    type           text        not null,
    payload        jsonb       not null,
    correlation_id uuid        not null,
    actor          text        not null,
    recorded_at    timestamptz not null
);
create index structure_local_events_stream on structure_local_events (structure_id, position);

create trigger structure_local_events_no_update_or_delete
    before update or delete on structure_local_events
    for each row execute function events_are_immutable();

-- Written in the command's own transaction (write side), read by the directory and the place's page.
create table structure_profile (
    structure_id  uuid primary key,
    opening_hours jsonb       not null,
    contact       jsonb,
    sites         jsonb       not null,
    catalogue     jsonb       not null,
    service_codes text        not null, -- catalogue codes joined with '|', for the directory's filter
    updated_at    timestamptz not null
);

-- Label applications and the agency's answer, written in the command's own transaction.
create table label_applications (
    application_id   uuid primary key,
    structure_id     uuid        not null,
    status           text        not null, -- PENDING, WITHDRAWN, REFUSED, GRANTED
    services         text        not null, -- joined with '|'
    answers          jsonb       not null,
    charter_accepted boolean     not null,
    submitted_at     timestamptz not null,
    decided_at       timestamptz,
    reason           text
);
create index label_applications_pending on label_applications (status, submitted_at);
create index label_applications_structure on label_applications (structure_id, submitted_at);

alter table structure_view add column latitude double precision;
alter table structure_view add column longitude double precision;
alter table structure_view add column services text not null default ''; -- applied services joined with '|'

create index structure_view_postcode on structure_view (postcode);
create index structure_view_valid_until on structure_view (label_status, label_valid_until);
