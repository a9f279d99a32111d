package tr.bel.izmit.kadinaile.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMS provider's HTTP API against a real local HTTP server (WireMock): the request as the contract in
 * docs/sms.md says, and each kind of failure sorted into "try again" or "give up", never with the number or the text in
 * what is logged or kept.
 */
class HttpSmsTransportTests {

    static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    static final String PATH = "/api/v1/sms/send";
    static final String KEY = "test-key-not-a-real-one";
    static final String TEXT = "İZGİM mikrokredi başvurunuz alındı. Takip kodunuz: MK-7F3K-9Q2X.";

    private HttpSmsTransport transport;

    @BeforeAll
    static void startServer() {
        SERVER.start();
        warmUp(SERVER);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
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
        transport = new HttpSmsTransport(properties(SERVER.baseUrl() + PATH, Duration.ofSeconds(3)));
    }

    static SmsProperties properties(String url, Duration readTimeout) {
        return new SmsProperties("http", url, KEY, "X-Api-Key", "IZMIT BLD", Duration.ofSeconds(2), readTimeout, false);
    }

    @Test
    void shouldPostSenderNumberTextAndReferenceWithTheKeyInAHeader() {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, "{\"status\":\"ACCEPTED\",\"messageId\":\"P-1\"}")));

        transport.send("microcredit:7:RECEIVED:sms", "0532 123 45 67", null, TEXT);

        SERVER.verify(1, postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("X-Api-Key", equalTo(KEY))
            .withHeader("Idempotency-Key", equalTo("microcredit:7:RECEIVED:sms"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"sender\":\"IZMIT BLD\",\"recipient\":\"905321234567\",\"message\":\"" + TEXT
                + "\",\"reference\":\"microcredit:7:RECEIVED:sms\",\"encoding\":\"TR\"}")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429, 401, 403})
    void shouldAskForAnotherAttemptAfterAServerErrorOrThrottlingOrAWrongKey(int status) {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)));

        DeliveryFailedException failure = sendFails();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("HTTP_" + status);
    }

    @Test
    void shouldAskForAnotherAttemptWhenTheProviderDoesNotAnswerInTime() {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, "{\"status\":\"ACCEPTED\"}").withFixedDelay(10_000)));

        DeliveryFailedException failure = sendFails();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("TIMEOUT");
    }

    @Test
    void shouldAskForAnotherAttemptWhenTheConnectionBreaks() {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryFailedException failure = sendFails();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("NO_CONNECTION");
    }

    @ParameterizedTest
    @CsvSource({
        "200, INVALID_NUMBER, true,  INVALID_NUMBER",
        "400, INVALID_NUMBER, true,  INVALID_NUMBER",
        "422, OPTED_OUT,      true,  OPTED_OUT",
        "400, BAD_FIELD,      true,  HTTP_400_BAD_FIELD",
        "200, NO_CREDIT,      false, NO_CREDIT",
        "200, RATE_LIMITED,   false, RATE_LIMITED",
        "503, SYSTEM_ERROR,   false, HTTP_503_SYSTEM_ERROR"})
    void shouldSortTheProvidersErrorCodesIntoTryAgainOrGiveUp(int status, String code, boolean permanent, String reason) {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(status, "{\"status\":\"ERROR\",\"code\":\"" + code + "\"}")));

        DeliveryFailedException failure = sendFails();

        assertThat(failure.permanent()).isEqualTo(permanent);
        assertThat(failure.reason()).isEqualTo(reason);
    }

    @Test
    void shouldGiveUpOnANumberThatIsNoTurkishMobileWithoutCallingTheProvider() {
        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
            () -> transport.send("k:sms", "0262 318 00 00", null, TEXT));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).isEqualTo("INVALID_NUMBER");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithoutUrlOrKey() {
        assertThatThrownBy(() -> new HttpSmsTransport(properties("", Duration.ofSeconds(1))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("KADINAILE_SMS_URL");
        assertThatThrownBy(() -> new HttpSmsTransport(new SmsProperties("http", SERVER.baseUrl(), " ", "X-Api-Key", "IZMIT BLD",
            Duration.ofSeconds(1), Duration.ofSeconds(1), false)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("KADINAILE_SMS_API_KEY");
    }

    @Test
    void shouldRepeatAnInterruptedSendOnlyWhenTheProviderDropsRepeats() {
        assertThat(transport.delivery()).isEqualTo(NotificationTransport.Delivery.AT_MOST_ONCE);
        HttpSmsTransport dropping = new HttpSmsTransport(new SmsProperties("http", SERVER.baseUrl(), KEY, "X-Api-Key", "IZMIT BLD",
            Duration.ofSeconds(1), Duration.ofSeconds(1), true));
        assertThat(dropping.delivery()).isEqualTo(NotificationTransport.Delivery.AT_LEAST_ONCE);
    }

    private DeliveryFailedException sendFails() {
        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
            () -> transport.send("microcredit:7:RECEIVED:sms", "05321234567", null, TEXT));
        assertThat(failure).as("a DeliveryFailedException").isNotNull();
        // what is logged and kept in the outbox row: never the number or the text
        assertThat(failure.getMessage() + failure.reason()).doesNotContain("532", "1234567", "MK-7F3K", "Takip");
        return failure;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
