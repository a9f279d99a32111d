-- Indexes for the managers' activity report (metrics.ActivityReport): every figure is an aggregate over a
-- date range, so each range column gets an index. Standard SQL for PostgreSQL and H2.
create index ix_mc_application_submitted_at on mc_application (submitted_at);
create index ix_mc_disbursement_created_at on mc_disbursement (created_at);
create index ix_mc_installment_paid_at on mc_installment (paid_at);
create index ix_mc_loan_disbursed_on on mc_loan (disbursed_on);
