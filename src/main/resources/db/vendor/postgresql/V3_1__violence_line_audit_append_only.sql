-- PostgreSQL only (location classpath:db/vendor/{vendor}): the violence line's access audit is append-only.
-- Every UPDATE, DELETE or TRUNCATE of vl_access_audit fails, whoever issues it through normal SQL.
-- (A table owner could still drop the triggers; to rule that out too, let a separate role own the schema.)

create function vl_access_audit_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception 'vl_access_audit is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger vl_access_audit_no_update_or_delete
    before update or delete on vl_access_audit
    for each row execute function vl_access_audit_append_only();

create trigger vl_access_audit_no_truncate
    before truncate on vl_access_audit
    for each statement execute function vl_access_audit_append_only();
