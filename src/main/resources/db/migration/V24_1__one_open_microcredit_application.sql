-- One open microcredit application per person: open_tc_kimlik_no holds the applicant's T.C. Kimlik No while the
-- application is open (SUBMITTED, DOCUMENTS_MISSING, IN_REVIEW, APPROVED) and is null once it is decided. A unique
-- index allows any number of nulls (H2 and PostgreSQL alike), so it refuses only a second open application, also when
-- two of hers arrive at the same moment on two nodes.
alter table mc_application add column open_tc_kimlik_no varchar(11);
-- applications open before this step: the newest open one of each person keeps the mark
update mc_application set open_tc_kimlik_no = tc_kimlik_no
    where status in ('SUBMITTED', 'DOCUMENTS_MISSING', 'IN_REVIEW', 'APPROVED')
      and id = (select max(b.id) from mc_application b where b.tc_kimlik_no = mc_application.tc_kimlik_no
                and b.status in ('SUBMITTED', 'DOCUMENTS_MISSING', 'IN_REVIEW', 'APPROVED'));
create unique index uq_mc_application_open_person on mc_application (open_tc_kimlik_no);
