package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * What the calendar's tests need of the counselling module, which is not in this branch: a case store answering
 * {@link CaseContacts} from a map the test fills, and a recorder of the events the calendar publishes. Also the
 * professionals' groups and test users, and helpers to move the engine's clock in Turkish time.
 */
@TestConfiguration(proxyBeanMethods = false)
class CalendarTestConfiguration {

    static final String PASSWORD = "Takvim-Test-2026!";
    static final String PSYCHOLOGIST = "test.psikolog";
    static final String OTHER_PSYCHOLOGIST = "test.psikolog2";
    static final String DIETITIAN = "test.diyetisyen";
    static final String SUPERVISOR = "test.supervizor";
    static final String OFFICER = "test.izgim.memur";

    /** Primary over the counselling case store's own contacts: the calendar's tests book cases it does not hold. */
    @Bean
    @Primary
    FakeCaseContacts fakeCaseContacts() {
        return new FakeCaseContacts();
    }

    @Bean
    EventRecorder calendarEventRecorder() {
        return new EventRecorder();
    }

    /** The counselling case store's stand-in: phone numbers by case key. */
    static class FakeCaseContacts implements CaseContacts {

        final Map<String, Addressee> addressees = new ConcurrentHashMap<>();

        @Override
        public Optional<Addressee> addresseeOf(String caseKey) {
            return Optional.ofNullable(addressees.get(caseKey));
        }
    }

    /** Every calendar event published, in order. */
    static class EventRecorder {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void twoNoShows(TwoNoShowsInARow event) {
            events.add(event);
        }

        @EventListener
        void finished(SeriesFinished event) {
            events.add(event);
        }

        @EventListener
        void booked(WaitingSeriesBooked event) {
            events.add(event);
        }
    }

    /** Empties the calendar's tables (the rooms and official holidays stay) and creates the test users once. */
    static void reset(JdbcTemplate jdbc, IdentityService identity) {
        jdbc.update("delete from izg_session");
        jdbc.update("delete from izg_series");
        jdbc.update("delete from izg_working_hours");
        jdbc.update("delete from izg_closure where kind = 'CLOSURE'");
        jdbc.update("delete from notification_outbox where dedup_key like 'izgim-%'");
        for (StaffGroup group : IzgimGroups.ALL) {
            if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
                Group created = identity.newGroup(group.id());
                created.setName(group.displayName());
                created.setType("WORKFLOW");
                identity.saveGroup(created);
            }
        }
        user(identity, PSYCHOLOGIST, IzgimGroups.PSYCHOLOGISTS.id());
        user(identity, OTHER_PSYCHOLOGIST, IzgimGroups.PSYCHOLOGISTS.id());
        user(identity, DIETITIAN, IzgimGroups.DIETITIANS.id());
        user(identity, SUPERVISOR, IzgimGroups.COUNSELLING_SUPERVISORS.id());
        user(identity, OFFICER, StaffGroup.IZGIM_OFFICERS.id());
    }

    private static void user(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            TestUsers.create(identity, id, PASSWORD, group);
        }
    }

    /** Sets the engine's (and so the application's) clock to this Turkish time. */
    static void now(LocalDateTime turkishTime) {
        ClockUtil.setCurrentTime(Date.from(turkishTime.atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }
}
