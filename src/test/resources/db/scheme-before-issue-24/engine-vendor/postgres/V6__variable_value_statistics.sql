-- Tasklist's filters on a process variable's value (e.g. requested amount = 2,500): PostgreSQL's statistics of
-- ACT_RU_VARIABLE see the values of every variable together, so a value that one in sixteen open applications asks
-- for was estimated at a few dozen rows, and the first page was planned as "every match, then sort". The most common
-- combinations of name, type, task and value (the columns of the engine's variable conditions) let the planner see how
-- many rows a filter matches; SqlPerInstanceIT checks the plan.
CREATE STATISTICS IF NOT EXISTS KA_STAT_VARIABLE_VALUES (mcv) ON NAME_, TYPE_, TASK_ID_, LONG_, DOUBLE_, TEXT_ FROM ACT_RU_VARIABLE;
