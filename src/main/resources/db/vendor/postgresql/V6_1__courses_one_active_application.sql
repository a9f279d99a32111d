-- PostgreSQL only (location classpath:db/vendor/{vendor}): a person has at most one active application per
-- course, even if two of hers arrive at the same moment on two nodes (H2 has no partial indexes; there the
-- course row lock taken at intake serializes the check).
create unique index uq_crs_application_active on crs_application (course_id, tc_kimlik_no)
    where status in ('SUBMITTED', 'INTERVIEW', 'WAITLISTED', 'ENROLLED');
