-- The dashboard's violence-line SLA breaches (metrics.Dashboard): the two breach events among all activity
-- instances. A partial index holds only those rows, so it costs nothing on the other history writes (PostgreSQL only;
-- H2, the demo database, has no partial indexes and no year of data).
CREATE INDEX IF NOT EXISTS KA_IDX_HI_ACTINST_VIOLENCE_SLA ON ACT_HI_ACTINST (ACT_ID_, END_TIME_)
    WHERE ACT_ID_ IN ('Event_EmergencyOverdue', 'Event_ReferralSlaBreached');
