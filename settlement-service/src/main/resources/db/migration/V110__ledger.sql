-- The double-entry ledger: a projection of the settlement and programme topics (rebuildable from them).
-- One entry per source event, booked at the event's time; every entry balances (checked at commit).

create table ledger_entries (
    entry_id        uuid        primary key,
    source_event_id uuid        not null unique,
    source_type     text        not null,
    booked_at       timestamptz not null,
    description     text        not null
);
create index ledger_entries_booked on ledger_entries (booked_at);

create table ledger_lines (
    entry_id     uuid   not null references ledger_entries (entry_id) on delete cascade,
    line_no      int    not null,
    account      text   not null,
    debit_cents  bigint not null,
    credit_cents bigint not null,
    primary key (entry_id, line_no),
    -- a line moves a positive amount on exactly one side
    constraint ledger_line_one_side check (debit_cents >= 0 and credit_cents >= 0
                                           and (debit_cents = 0) <> (credit_cents = 0))
);
create index ledger_lines_account on ledger_lines (account);

-- Checked when the transaction commits, once the entry and all its lines are written: an entry that exists
-- has lines, and its debits equal its credits.
create function ledger_entry_balances() returns trigger language plpgsql as $$
declare
    checked uuid;
    line_count bigint;
    difference bigint;
begin
    checked := case when tg_op = 'DELETE' then old.entry_id else new.entry_id end;
    if not exists (select 1 from ledger_entries where entry_id = checked) then
        return null;
    end if;
    select count(*), coalesce(sum(debit_cents - credit_cents), 0) into line_count, difference
    from ledger_lines where entry_id = checked;
    if line_count = 0 or difference <> 0 then
        raise exception 'ledger entry % does not balance (% line(s), debit - credit = %)',
            checked, line_count, difference using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger ledger_lines_balance
    after insert or update or delete on ledger_lines
    deferrable initially deferred
    for each row execute function ledger_entry_balances();

create constraint trigger ledger_entries_have_lines
    after insert or update on ledger_entries
    deferrable initially deferred
    for each row execute function ledger_entry_balances();
