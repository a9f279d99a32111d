-- PostgreSQL only: the access-request events of the violence line are append-only, like vl_access_audit (V3_1).
create function vl_access_request_event_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception 'vl_access_request_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger vl_access_request_event_no_update_or_delete
    before update or delete on vl_access_request_event
    for each row execute function vl_access_request_event_append_only();

create trigger vl_access_request_event_no_truncate
    before truncate on vl_access_request_event
    for each statement execute function vl_access_request_event_append_only();
