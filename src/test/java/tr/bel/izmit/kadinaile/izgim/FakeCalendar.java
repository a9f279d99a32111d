package tr.bel.izmit.kadinaile.izgim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import tr.bel.izmit.kadinaile.common.SafetyReferral;
import tr.bel.izmit.kadinaile.izgim.calendar.BookedSession;
import tr.bel.izmit.kadinaile.izgim.calendar.CalendarFullException;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.izgim.calendar.SessionCalendar;

/**
 * The calendar as the counselling process sees it, for the process tests until {@code izgim.calendar} is merged: it
 * records the bookings and cancellations, and is full when a test says so. Also records the warm referrals published.
 */
class FakeCalendar implements SessionCalendar {

    record Booking(String caseKey, String trackingCode, CounsellingService service, String professional, int sessions,
            LocalDate from) {
    }

    final List<Booking> bookings = new CopyOnWriteArrayList<>();
    final List<String> cancellations = new CopyOnWriteArrayList<>();
    final List<SafetyReferral> referrals = new CopyOnWriteArrayList<>();
    volatile boolean full;

    @Override
    public List<BookedSession> bookSeries(String caseKey, String trackingCode, CounsellingService service,
            String professionalUserId, int sessions, LocalDate from) {
        if (full) {
            throw new CalendarFullException("full");
        }
        bookings.add(new Booking(caseKey, trackingCode, service, professionalUserId, sessions, from));
        List<BookedSession> booked = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            booked.add(new BookedSession(i + 1, from.plusWeeks(i).atTime(10, 0), from.plusWeeks(i).atTime(10, 50), "Oda 1"));
        }
        return booked;
    }

    @Override
    public void cancelSeries(String caseKey) {
        cancellations.add(caseKey);
    }

    @EventListener
    void referred(SafetyReferral referral) {
        referrals.add(referral);
    }

    void reset() {
        bookings.clear();
        cancellations.clear();
        referrals.clear();
        full = false;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        FakeCalendar fakeCalendar() {
            return new FakeCalendar();
        }
    }
}
