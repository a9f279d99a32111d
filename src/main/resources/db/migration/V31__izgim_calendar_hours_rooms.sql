-- İZGİM's session calendar, set by the counselling supervisors through the staff API
-- (`PUT /api/staff/izgim/calendar/working-hours/{professional}`): who last changed a professional's working hours, and
-- the rooms a professional works in. A professional without room rows works in any active room of her service's kind
-- (the counselling rooms for the psychologists, the dietitian's room for the dietitians), as before.
alter table izg_working_hours add column changed_by varchar(64);
alter table izg_working_hours add column changed_at timestamp;

create table izg_professional_room (
    professional_id varchar(64) not null,
    room_code       varchar(30) not null references izg_room (code),
    changed_by      varchar(64),
    changed_at      timestamp,
    constraint pk_izg_professional_room primary key (professional_id, room_code)
);

-- A series the waiting line booked for a case whose process waits on its retry timer: the case's next call of
-- bookSeries takes this series over instead of asking for a second one (SessionBookings).
alter table izg_series add column handover_pending boolean default false not null;
