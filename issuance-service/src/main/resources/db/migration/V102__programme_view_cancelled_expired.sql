-- The programme read model also counts cancelled vouchers (their value is back in the budget) and expired ones.
alter table programme_view add column cancelled_count bigint not null default 0;
alter table programme_view add column cancelled_cents bigint not null default 0;
alter table programme_view add column expired_count bigint not null default 0;
alter table programme_view add column expired_cents bigint not null default 0;
