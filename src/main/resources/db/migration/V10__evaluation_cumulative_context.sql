-- Lens v2, cumulative pressure: the other approved or pending proposals that bore on the same people
-- in overlapping areas when the evaluation was made (JSON: {"count", "proposals", "cohorts"}), kept
-- so that a replay or a what-if evaluates with the same context and stays exact after the others are
-- decided, withdrawn or rejected. Null for evaluations made before it was counted: no context.
alter table evaluation add column cumulative text;
