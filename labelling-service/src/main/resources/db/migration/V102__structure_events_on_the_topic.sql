-- Profile changes, questionnaire answers, withdrawals and refusals are now events of the place's own stream in
-- the event store (structure.profile-changed.v1, structure.label-applied.v2, structure.application-withdrawn.v1,
-- structure.label-refused.v1), published on labelling.structure-events.v1 like every other fact of a place.
-- The service-local stream that held them is gone; structure_profile and label_applications become
-- projections of the topic (rebuildable through /admin/projections/{name}/rebuild).
drop table structure_local_events;

-- Every read-model row counts the events it applied, so replays and rebuilds can be checked.
alter table structure_profile add column events_applied int not null default 0;
alter table label_applications add column events_applied int not null default 0;

-- structure.label-applied.v1 carried no charter acceptance: unknown for those applications.
alter table label_applications alter column charter_accepted drop not null;
alter table label_applications add column charter_accepted_at timestamptz;
create index label_applications_structure_status on label_applications (structure_id, status);
