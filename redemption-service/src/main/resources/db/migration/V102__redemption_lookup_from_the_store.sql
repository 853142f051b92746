-- A reversal finds its redemption in the event store (not in the read model fed back from Kafka), by id.
create index events_redemption_id on events ((payload->>'redemptionId')) where type = 'voucher.redeemed.v1';
