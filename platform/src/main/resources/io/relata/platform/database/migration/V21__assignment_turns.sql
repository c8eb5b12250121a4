-- Whose turn it is in a group that takes records round-robin (assignment rules, an automation's
-- assign action): one counter per group, shared by every rule that hands records to it. Taking a
-- turn increments it under the row's lock, so concurrent assignments take consecutive turns.
CREATE TABLE assignment_turn (
    group_name text   PRIMARY KEY,
    turns      bigint NOT NULL
);
