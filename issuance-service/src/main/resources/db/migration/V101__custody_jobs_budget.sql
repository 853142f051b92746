-- Where each voucher of an order sits in its book, and its code sealed (AES-GCM, key issuance.code-seal-key)
-- so that the order's printable books can be produced again; the clear code is never stored.
alter table voucher_codes add column book_id uuid;
alter table voucher_codes add column position_in_book int;
alter table voucher_codes add column sealed_code text;
create index voucher_codes_book on voucher_codes (book_id);
create index voucher_codes_programme on voucher_codes (programme_id);

-- Distributors registered by a programme's funder (write-side state: no event type exists for it yet).
create table distributors (
    programme_id   uuid        not null,
    distributor_id uuid        not null,
    name           text        not null,
    kind           text        not null,
    registered_by  text        not null,
    registered_at  timestamptz not null,
    primary key (programme_id, distributor_id)
);
create index distributors_distributor on distributors (distributor_id);

-- Custody of each voucher consigned to a distributor, changed in the consignment's and the hand-out's own
-- transactions (write-side state: no custody event type exists yet). Rows are locked by whoever changes them.
create table voucher_custody (
    voucher_id     uuid primary key,
    programme_id   uuid        not null,
    book_id        uuid        not null,
    distributor_id uuid        not null,
    consigned_at   timestamptz not null,
    handed_out_at  timestamptz
);
create index voucher_custody_distributor on voucher_custody (distributor_id, book_id);
create index voucher_custody_book on voucher_custody (book_id);

-- Every custody move of a book, for the voucher's history.
create table custody_moves (
    move_id          bigserial primary key,
    programme_id     uuid        not null,
    book_id          uuid        not null,
    from_distributor uuid,
    to_distributor   uuid        not null,
    actor            text        not null,
    moved_at         timestamptz not null
);
create index custody_moves_book on custody_moves (book_id);

-- Face value returned to a programme's budget by cancelled vouchers, written with voucher.cancelled.v1 in the
-- same transaction; an order's budget check adds it to what remains (it only ever grows, so a stale read
-- can only make the check stricter).
create table budget_releases (
    voucher_id   uuid primary key,
    programme_id uuid        not null,
    cents        bigint      not null,
    released_at  timestamptz not null
);
create index budget_releases_programme on budget_releases (programme_id);

-- Programme-wide validity extensions: the dates given to vouchers issued after the extension.
create table programme_validity (
    programme_id   uuid primary key,
    valid_until    date        not null,
    accepted_until date        not null,
    extended_at    timestamptz not null
);

-- Large orders: the budget is reserved at once (programme.books-ordered.v1), the vouchers issued in chunks.
create table order_jobs (
    job_id          uuid primary key,
    programme_id    uuid        not null,
    order_id        uuid        not null unique,
    funder_id       uuid        not null,
    books           int         not null,
    book_size       int         not null,
    voucher_count   int         not null,
    books_issued    int         not null,
    status          text        not null,
    error           text,
    actor           text        not null,
    correlation_id  uuid        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    finished_at     timestamptz
);
create index order_jobs_pending on order_jobs (status) where status in ('PENDING', 'RUNNING');
