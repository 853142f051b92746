create table validity_view (
    voucher_id       uuid primary key,
    extensions       int  not null,
    accepted_until   date not null,
    events_applied   int  not null
);
