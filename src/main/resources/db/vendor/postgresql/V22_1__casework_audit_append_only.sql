-- PostgreSQL only: the casework audit tables are append-only, like the violence line's access audit (V3_1).
create function cw_audit_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger cw_case_view_audit_no_update_or_delete
    before update or delete on cw_case_view_audit
    for each row execute function cw_audit_append_only();
create trigger cw_case_view_audit_no_truncate
    before truncate on cw_case_view_audit
    for each statement execute function cw_audit_append_only();
create trigger cw_person_search_audit_no_update_or_delete
    before update or delete on cw_person_search_audit
    for each row execute function cw_audit_append_only();
create trigger cw_person_search_audit_no_truncate
    before truncate on cw_person_search_audit
    for each statement execute function cw_audit_append_only();
