-- Counting a group's queue (Tasklist shows the count beside every filter): the unassigned tasks' ids from an index
-- alone, merged with the group's candidate links (KA_IDX_IDENTITYLINK_GROUP_TASK) instead of reading both tables.
CREATE INDEX IF NOT EXISTS KA_IDX_TASK_UNASSIGNED ON ACT_RU_TASK (ID_) WHERE ASSIGNEE_ IS NULL AND TENANT_ID_ IS NULL;
