-- Delivery failures are retried with a growing pause (app.notification.retry-backoff, doubled per attempt up to
-- app.notification.max-backoff): a failed message waits in PENDING until next_attempt_at. Null means "now".
-- A permanent failure (the provider calls the number invalid) or the last attempt ends in FAILED, with its reason in
-- last_error, for staff to see (and the meter notification.outbox.failed).
alter table notification_outbox add column next_attempt_at timestamp;
