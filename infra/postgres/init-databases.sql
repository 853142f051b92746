-- One database per service. Run by the postgres image on its first start (empty volume);
-- safe to run again by hand: psql -U postgres -f infra/postgres/init-databases.sql
SELECT 'CREATE DATABASE labelling'  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'labelling')\gexec
SELECT 'CREATE DATABASE issuance'   WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'issuance')\gexec
SELECT 'CREATE DATABASE redemption' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'redemption')\gexec
SELECT 'CREATE DATABASE settlement' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'settlement')\gexec
