-- Distributors, budget released by cancelled books and programme-wide validity are now events of the
-- programme's stream (programme.distributor-registered.v1, programme.books-cancelled.v1,
-- programme.validity-extended.v1), folded by the programme's decider: their write-side tables go.
drop table distributors;
drop table budget_releases;
drop table programme_validity;

-- What cancelled books gave back to the budget, as programme.books-cancelled.v1 tells it (rebuildable).
alter table programme_view add column released_cents bigint not null default 0;
