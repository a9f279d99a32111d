-- When a dispatcher claimed a message (PENDING to SENDING): a message still SENDING long after that was
-- interrupted by a crash, and is settled by its channel's delivery rule (sent again, or failed for staff).
alter table notification_outbox add column claimed_at timestamp;
