-- How far each consumed topic partition is applied (next offset to apply), written after each poll batch by
-- whichever instance consumed it: with the topic's end offsets this gives the projection lag (ConsumerPositions).
-- Repeatable and "if not exists": redemption-service created this table in its own V101 before it moved here,
-- and a versioned kernel migration below its V1xx would be refused as out of order on existing databases.
create table if not exists consumer_position (
    topic       text        not null,
    partition   int         not null,
    next_offset bigint      not null,
    event_time  timestamptz,
    updated_at  timestamptz not null,
    primary key (topic, partition)
);
