-- What was said with a workflow step: an approver's reason for approving
-- or publishing over the checks' errors, a comment sent back with a
-- digest.
ALTER TABLE digest_events ADD COLUMN note TEXT NOT NULL DEFAULT '';
