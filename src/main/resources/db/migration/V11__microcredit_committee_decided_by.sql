-- Who gave the credit committee's decision, recorded by the engine-side listener when the committee task is
-- completed (never taken from a process variable): the four-eyes rule of the manager's approval reads it here.
alter table mc_application add column committee_decided_by varchar(64);
