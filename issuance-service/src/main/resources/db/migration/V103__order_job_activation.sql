-- A large order's funding activates its vouchers in chunks too, after the payment order is recorded.
alter table order_jobs add column payment_order_reference text;
alter table order_jobs add column activation_status text;
alter table order_jobs add column vouchers_activated int not null default 0;
create index order_jobs_activation on order_jobs (activation_status) where activation_status in ('PENDING', 'RUNNING');
