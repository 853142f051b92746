-- Statements, invoices, credit notes and debit notes are numbered by one mechanism: a row per series and year,
-- locked by the transaction that issues numbers. The two older counter tables are carried over, then dropped.
alter table billing_counters rename to document_counters;

insert into document_counters (series, year, last_number)
select 'ST', year, last_number from statement_counters;

insert into document_counters (series, year, last_number)
select 'ND', year, last_number from debit_note_counters;

drop table statement_counters;
drop table debit_note_counters;
