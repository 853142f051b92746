-- A large order's printable books are produced by its job once every voucher is issued, some books per
-- transaction, and stored; the order's PDF is served from these parts when the job has printed them all.
alter table order_jobs add column print_status text;
alter table order_jobs add column books_printed int not null default 0;
create index order_jobs_printing on order_jobs (print_status) where print_status in ('PENDING', 'RUNNING');

create table order_print_parts (
    order_id   uuid        not null,
    part       int         not null,
    first_book int         not null,
    books      int         not null,
    pdf        bytea       not null,
    printed_at timestamptz not null,
    primary key (order_id, part)
);
