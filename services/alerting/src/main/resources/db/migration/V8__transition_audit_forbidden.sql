-- A caller whose token lacks the officer role is refused (403) before the request reaches the move, so its attempt
-- is recorded with an outcome of its own, FORBIDDEN: nothing of the body is known (requested_status stays null).
-- Only the constraint changes: rows already recorded stay as they are (the table is append-only, and checking the
-- new constraint reads them without writing).
ALTER TABLE transition_audit DROP CONSTRAINT transition_audit_outcome_check;
ALTER TABLE transition_audit ADD CONSTRAINT transition_audit_outcome_check
    CHECK (outcome IN ('APPLIED', 'REFUSED', 'FAILED', 'FORBIDDEN'));
