-- Indexes for the managers' dashboard and the activity report's violence-line figures (metrics.Dashboard,
-- violenceline.ViolenceLineStatistics): counts over a date range of referrals (joined to their case for the
-- risk level), of cases opened and of cases closed. Measured with a year of simulated data by
-- metrics.DashboardBenchmark (docs/metrics.md): without them PostgreSQL reads the whole tables.
-- Standard SQL for PostgreSQL and H2.
create index ix_vl_referral_created_at on vl_referral (created_at, case_id);
create index ix_vl_case_created_at on vl_case (created_at);
create index ix_vl_case_closed_at on vl_case (closed_at);
