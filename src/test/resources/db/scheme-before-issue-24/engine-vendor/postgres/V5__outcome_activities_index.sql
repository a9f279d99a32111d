-- The dashboard's approval rate (metrics.Dashboard, instancesReaching): the activities that mean "approved" or
-- "rejected" in each process (metrics.DeclaredOutcomes) among all activity instances. Without it the count reads
-- every activity instance of a process in the period (a year of courses: ~0.4 s). A partial index holds only the
-- rows of these activities, a few per application, so the other history writes do not pay for it (PostgreSQL only;
-- H2, the demo database, has no partial indexes and no year of data). DeclaredOutcomesTests keeps this list
-- and DeclaredOutcomes the same.
CREATE INDEX IF NOT EXISTS KA_IDX_HI_ACTINST_OUTCOMES ON ACT_HI_ACTINST (ACT_ID_, END_TIME_)
    WHERE ACT_ID_ IN (
        -- microcredit-application
        'Task_DisburseLoan', 'EndEvent_ApplicationRejected',
        -- course-enrollment
        'Task_NotifyEnrolled', 'Task_NotifyPlacedFromWaitlist', 'EndEvent_InterviewRejected',
        -- producer-onboarding (EndEvent_ApplicationRejected above)
        'EndEvent_ProducerVerified', 'EndEvent_FoodSafetyFailed',
        -- market-stand-request
        'Task_NotifyConfirmed', 'EndEvent_StandDeclined');
