-- Until issue 24 the engine-table migrations (now V19, V19_1-V19_4, V20, all idempotent) had a Flyway history of their
-- own, applied by an engine plug-in after the engine had created its schema. They are part of this history now; on a
-- database created before, V18 adopted the engine's tables and V19-V20 found their work done, so the old history
-- table goes (quoted: Flyway created it in lower case, which H2 would otherwise fold to upper case).
DROP TABLE IF EXISTS "app_engine_migration_history";
