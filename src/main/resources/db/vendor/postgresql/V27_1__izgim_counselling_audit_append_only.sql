-- PostgreSQL only (location classpath:db/vendor/{vendor}): the counselling access audit is append-only, like the
-- violence line's. Every UPDATE, DELETE or TRUNCATE of iz_access_audit fails, whoever issues it through normal SQL.

create function iz_access_audit_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception 'iz_access_audit is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger iz_access_audit_no_update_or_delete
    before update or delete on iz_access_audit
    for each row execute function iz_access_audit_append_only();

create trigger iz_access_audit_no_truncate
    before truncate on iz_access_audit
    for each statement execute function iz_access_audit_append_only();
