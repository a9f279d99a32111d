package tr.bel.izmit.kadinaile.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Limit;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.notification.OutboxMessage.Status;

/**
 * Delivery failures of the SMS provider (a stub HTTP server, WireMock) retried from the outbox on the real database:
 * a doubling pause between attempts, a final FAILED state that operators see in the outbox row and the meters, an
 * invalid number given up at once, and neither the number nor the text in the log. (The portal tests' context, so
 * that no extra application starts.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OutboxRetryTests {

    static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    /** A provider that answers too late, on its own server so that its held answers delay no other test. */
    static final WireMockServer SLOW = new WireMockServer(options().dynamicPort());
    static final String PATH = "/sms/send";
    static final String PHONE = "5427654321";
    static final String TEXT = "Kurs başvurunuz alındı. Takip kodunuz: KR-4H7J-2W9P.";
    static final int MAX_ATTEMPTS = 3;
    /** Generous, so that a busy build machine does not turn a quick answer into a timeout. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutboxMeters meters;
    @Autowired
    MeterRegistry registry;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1)));
    private OutboxDispatcher dispatcher;
    private String key;

    @BeforeAll
    static void startServer() {
        SERVER.start();
        SLOW.start();
        warmUp(SERVER);
        warmUp(SLOW);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
        SLOW.stop();
    }

    /** A first request answered, so that a busy machine's cold start is not taken for the provider's timeout. */
    static void warmUp(WireMockServer server) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/__admin/mappings")).timeout(Duration.ofSeconds(60)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        SERVER.resetAll();
        SLOW.resetAll();
        key = "retry-test-" + UUID.randomUUID() + ":sms";
        dispatcher = dispatcherFor(SERVER);
    }

    /**
     * The test's own dispatcher, on its own clock a day ahead (the application's dispatcher, on the real clock, never
     * finds these messages due once they have failed), sending to this stub provider.
     */
    private OutboxDispatcher dispatcherFor(WireMockServer provider) {
        NotificationProperties properties = new NotificationProperties("kadinaile@izmit.bel.tr", Duration.ofHours(1), MAX_ATTEMPTS,
            "log", false, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(30));
        HttpSmsTransport sms = new HttpSmsTransport(new SmsProperties("http", provider.baseUrl() + PATH, "stub-key", "X-Api-Key",
            "IZMIT BLD", Duration.ofSeconds(5), READ_TIMEOUT, false));
        return new OutboxDispatcher(onlyThisTestsMessages(), tx, List.of(sms), properties, clock, meters);
    }

    @Test
    void shouldRetryAServerErrorAfterDoublingPausesThenFailForGoodWhereOperatorsSeeIt(CapturedOutput output) {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        double failedBefore = failedGauge();
        double retriesBefore = counter("retry");
        enqueue();

        dispatchAndExpectRequests(1);
        OutboxMessage first = message();
        assertThat(first.getStatus()).isEqualTo(Status.PENDING);
        assertThat(first.getLastError()).isEqualTo("HTTP_503");
        assertThat(first.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        dispatchAndExpectRequests(1);              // not due yet
        clock.advance(Duration.ofMinutes(1));
        dispatchAndExpectRequests(2);
        assertThat(message().getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(1));
        dispatchAndExpectRequests(2);              // the pause has doubled
        clock.advance(Duration.ofMinutes(1));
        dispatchAndExpectRequests(3);

        OutboxMessage failed = message();
        assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.getLastError()).isEqualTo("HTTP_503");
        clock.advance(Duration.ofDays(1));
        dispatchAndExpectRequests(3);              // never again
        assertThat(failedGauge()).isEqualTo(failedBefore + 1);
        assertThat(counter("retry")).isEqualTo(retriesBefore + 2);
        assertThat(output.getAll()).contains("marked FAILED for staff: HTTP_503")
            .doesNotContain(PHONE, PHONE.substring(3), "KR-4H7J-2W9P", "Takip kodunuz");
    }

    @Test
    void shouldDeliverOnTheNextAttemptAfterATimeout() {
        SLOW.stubFor(post(urlPathEqualTo(PATH)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(accepted().withFixedDelay((int) READ_TIMEOUT.toMillis() + 3_000)).willSetStateTo("recovered"));
        SLOW.stubFor(post(urlPathEqualTo(PATH)).inScenario("slow").whenScenarioStateIs("recovered").willReturn(accepted()));
        dispatcher = dispatcherFor(SLOW);
        double sentBefore = counter("sent");
        enqueue();

        dispatcher.dispatchPending();
        assertThat(message().getStatus()).isEqualTo(Status.PENDING);
        assertThat(message().getLastError()).isEqualTo("TIMEOUT");
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchPending();
        SLOW.verify(2, postRequestedFor(urlPathEqualTo(PATH)));

        OutboxMessage sent = message();
        assertThat(sent.getStatus()).isEqualTo(Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getLastError()).isNull();
        assertThat(counter("sent")).isEqualTo(sentBefore + 1);
    }

    @Test
    void shouldGiveUpAtOnceOnANumberTheProviderCallsInvalid(CapturedOutput output) {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ERROR\",\"code\":\"INVALID_NUMBER\"}")));
        double failedBefore = failedGauge();
        enqueue();

        dispatchAndExpectRequests(1);
        clock.advance(Duration.ofDays(1));
        dispatchAndExpectRequests(1);

        OutboxMessage failed = message();
        assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isEqualTo("INVALID_NUMBER");
        assertThat(failedGauge()).isEqualTo(failedBefore + 1);
        assertThat(output.getAll()).contains("INVALID_NUMBER").doesNotContain(PHONE, PHONE.substring(3), "KR-4H7J-2W9P");
    }

    /**
     * The outbox as the test's dispatcher sees it: the database's own due-message query, of which only this test's
     * message is handed on, so that the messages other tests left in the shared database are neither sent nor touched.
     */
    private OutboxRepository onlyThisTestsMessages() {
        return (OutboxRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OutboxRepository.class},
            (proxy, method, args) -> {
                if (method.getName().equals("findPendingIds")) {
                    List<Long> mine = outbox.findByDedupKeyStartingWithOrderByIdAsc(key).stream().map(OutboxMessage::getId).toList();
                    return outbox.findPendingIds((Instant) args[0], Limit.unlimited()).stream().filter(mine::contains).toList();
                }
                try {
                    return method.invoke(outbox, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private void enqueue() {
        tx.executeWithoutResult(status -> outbox.save(new OutboxMessage(key, Channel.SMS, PHONE, null, TEXT, clock.instant())));
    }

    private void dispatchAndExpectRequests(int total) {
        dispatcher.dispatchPending();
        SERVER.verify(total, postRequestedFor(urlPathEqualTo(PATH)));
    }

    private OutboxMessage message() {
        return tx.execute(status -> outbox.findByDedupKeyStartingWithOrderByIdAsc(key).get(0));
    }

    private double failedGauge() {
        return registry.get("kadinaile.outbox.failed").tag("channel", "sms").gauge().value();
    }

    private double counter(String outcome) {
        var counter = registry.find("kadinaile.notifications.delivery").tag("channel", "sms").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"status\":\"ACCEPTED\",\"messageId\":\"P-42\"}");
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Istanbul");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
