-- Task access is granted per process definition since this version (identity.ProcessLevelTaskAuthorizationPlugin):
-- the rows the engine wrote per open process task before (resource type 7 = task) grant nothing the definition
-- grants and the candidate rule do not, and would no longer be deleted with their task.
DELETE FROM ACT_RU_AUTHORIZATION
 WHERE RESOURCE_TYPE_ = 7
   AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_DEF_ID_ IS NOT NULL);
