-- Indexes on Camunda's own tables for the task-list queries (issue 9, docs/benchmarks.md). Applied after V18 has
-- created (or adopted) the engine's tables; IF NOT EXISTS: a database of the scheme before issue 24 has them already.
-- Names start with KA_ so that they never clash with the engine's own indexes in a Camunda upgrade.

-- Tasklist's queue order (our filters sort by due date, then by priority, highest first): the first page is read
-- in index order instead of sorting every open task
CREATE INDEX IF NOT EXISTS KA_IDX_TASK_QUEUE_ORDER ON ACT_RU_TASK (DUE_DATE_, PRIORITY_ DESC);

-- "tasks of candidate group X": the group's links and their tasks from the index alone
CREATE INDEX IF NOT EXISTS KA_IDX_IDENTITYLINK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- variable filters on numbers (e.g. requested amount): the matching variables directly, not every variable of that name
CREATE INDEX IF NOT EXISTS KA_IDX_VARIABLE_NAME_LONG ON ACT_RU_VARIABLE (NAME_, TYPE_, LONG_);
