-- Large-order jobs: a chunk that keeps failing stops the job after a number of attempts.
alter table order_jobs add column attempts int not null default 0;
alter table order_jobs add column failed_at timestamptz;
