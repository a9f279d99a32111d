package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;
import tr.bel.izmit.kadinaile.portal.PortalAddress;

/**
 * The calendar's SMS name the client's appointment page with the portal's configured public address
 * ({@code app.portal.public-url}), not a typed-in one: a small context with the real {@link PortalAddress} and
 * {@link CalendarNotices} bound to the property, the outbox a mock.
 */
class CalendarNoticesAddressTests {

    private static final LocalDateTime START = LocalDateTime.of(2027, 3, 2, 9, 0);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withBean(PortalAddress.class)
        .withBean(NotificationService.class, () -> mock(NotificationService.class))
        .withBean(CaseContacts.class, () -> caseKey -> Optional.of(new Addressee("Test Danışan", "5551234567", null)))
        .withBean(CalendarNotices.class);

    @Test
    void shouldNameTheConfiguredPortalAddressInTheReminderAndTheSeriesBookedSms() {
        context.withPropertyValues("app.portal.public-url=https://randevu.izmit.example.org/").run(app -> {
            CalendarNotices notices = app.getBean(CalendarNotices.class);
            assertThat(notices.remind(7L, "DN-TEST-0001", START, "Danışma Odası 1")).isTrue();
            assertThat(notices.seriesBooked(8L, "DN-TEST-0001", START, 4)).isTrue();

            NotificationService outbox = app.getBean(NotificationService.class);
            ArgumentCaptor<String> reminder = ArgumentCaptor.forClass(String.class);
            verify(outbox).enqueue(eq("izgim-reminder:7"), eq(Channel.SMS), eq("5551234567"), isNull(), reminder.capture());
            assertThat(reminder.getValue()).isEqualTo("İZGİM hatırlatma: yarın 02.03.2027 saat 09:00 randevunuz var (Danışma Odası 1). "
                + "Gelemeyecekseniz takip kodunuzla randevu.izmit.example.org/basvuru/randevu adresinden iptal edebilirsiniz.");
            ArgumentCaptor<String> booked = ArgumentCaptor.forClass(String.class);
            verify(outbox).enqueue(eq("izgim-series-booked:8"), eq(Channel.SMS), eq("5551234567"), isNull(), booked.capture());
            assertThat(booked.getValue()).contains("toplam 4 görüşme", "randevu.izmit.example.org/basvuru/randevu")
                .doesNotContain("izmit.bel.tr");
        });
    }

    @Test
    void shouldNameTheMunicipalitysAddressByDefaultAndKeepAPlainHttpAddressWhole() {
        context.run(app -> {
            app.getBean(CalendarNotices.class).remind(9L, "DN-TEST-0002", START, "Aile Görüşme Odası");
            ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
            verify(app.getBean(NotificationService.class)).enqueue(anyString(), any(), anyString(), isNull(), body.capture());
            assertThat(body.getValue()).contains(" izmit.bel.tr/basvuru/randevu adresinden");
        });
        context.withPropertyValues("app.portal.public-url=http://localhost:8080").run(app -> {
            app.getBean(CalendarNotices.class).seriesBooked(10L, "DN-TEST-0003", START, 1);
            ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
            verify(app.getBean(NotificationService.class)).enqueue(anyString(), any(), anyString(), isNull(), body.capture());
            assertThat(body.getValue()).contains("http://localhost:8080/basvuru/randevu adresinde");
        });
        context.withPropertyValues("app.portal.public-url=izmit.bel.tr").run(app -> assertThat(app).hasFailed());
    }
}
