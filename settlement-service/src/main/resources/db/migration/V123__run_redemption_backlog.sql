-- Whether settlement had applied every record of the redemption topic when a run was made
-- (settlement.run-opened.v2); null for runs recorded before it was told.
alter table settlement_run_view add column redemptions_complete boolean;
alter table settlement_run_view add column redemptions_behind bigint;
