-- A funded large order is activated chunk by chunk in voucher id order. Each chunk used to skip the vouchers
-- already activated with OFFSET, which sorts the whole order again for every chunk: quadratic, minutes for an
-- order of a million vouchers. The job now remembers the last voucher it activated and the next chunk starts
-- after it, on an index of the order's vouchers by id.
create index voucher_codes_order_voucher on voucher_codes (order_id, voucher_id);
drop index voucher_codes_order;

alter table order_jobs add column last_activated_voucher_id uuid;

-- jobs caught halfway through their activation carry on where they were
update order_jobs j set last_activated_voucher_id = (
    select x.voucher_id from (
        select c.voucher_id, row_number() over (order by c.voucher_id) as n
        from voucher_codes c where c.order_id = j.order_id) x
    where x.n = j.vouchers_activated)
where j.vouchers_activated > 0;
