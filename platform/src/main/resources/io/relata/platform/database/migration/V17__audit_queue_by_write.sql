-- The sealer's queue holds a row per write instead of a row per entry: a single write queues its one
-- entry, an import's batch all of its entries in one row. Imports write an entry per record, and a
-- queue row (and its key) per entry cost them 7% of their database time. The row's key is the
-- smallest of its ids; the sealer takes rows in that order and seals each row's entries in the
-- order they were written.
ALTER TABLE audit_pending RENAME COLUMN entry_id TO first_id;
ALTER TABLE audit_pending ADD COLUMN entry_ids bigint[];
UPDATE audit_pending SET entry_ids = ARRAY[first_id];
ALTER TABLE audit_pending ALTER COLUMN entry_ids SET NOT NULL;
