package tr.bel.izmit.kadinaile.notification;

import java.net.http.HttpClient;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import tr.bel.izmit.kadinaile.common.validation.MobilePhone;

/**
 * SMS through the provider's HTTP API (contract and error codes in {@code docs/sms.md}): one JSON POST per message
 * with the sender title, the number as {@code 905XXXXXXXXX}, the text and the outbox's idempotency key as reference;
 * the API key in a header. What goes wrong becomes a {@link DeliveryFailedException}:
 * <ul>
 * <li>no answer in time, a connection refused, HTTP 5xx, 408 or 429, or an error code the provider may get over
 *     (credit, rate limit, its own fault): tried again from the outbox;</li>
 * <li>HTTP 401/403 (a wrong key or sender): tried again too, so that messages wait while an operator mends the
 *     settings, until the last attempt;</li>
 * <li>a number the provider calls invalid or blocked, a text it refuses, any other 4xx: failed at once.</li>
 * </ul>
 * Neither the number nor the text is ever logged or put into an exception.
 */
@Component
@ConditionalOnProperty(name = "kadinaile.sms.provider", havingValue = "http")
class HttpSmsTransport implements NotificationTransport {

    /** The provider's codes after which another attempt cannot help. */
    static final Set<String> PERMANENT_CODES = Set.of("INVALID_NUMBER", "BLOCKED_NUMBER", "OPTED_OUT", "INVALID_MESSAGE",
        "MESSAGE_TOO_LONG");
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final RestClient rest;
    private final SmsProperties properties;

    HttpSmsTransport(SmsProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) {
            throw new IllegalStateException("kadinaile.sms.provider=http needs kadinaile.sms.url (KADINAILE_SMS_URL)");
        }
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("kadinaile.sms.provider=http needs kadinaile.sms.api-key (KADINAILE_SMS_API_KEY)");
        }
        this.properties = properties;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory)
            .defaultHeader(properties.apiKeyHeader(), properties.apiKey())
            .build();
    }

    /** The request body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SmsRequest(String sender, String recipient, String message, String reference, String encoding) {
    }

    /** The provider's answer: {@code status} {@code ACCEPTED} with its message id, or {@code ERROR} with a code. */
    record SmsResponse(String status, String messageId, String code) {
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Delivery delivery() {
        return properties.dropsRepeats() ? Delivery.AT_LEAST_ONCE : Delivery.AT_MOST_ONCE;
    }

    @Override
    public void send(String idempotencyKey, String recipient, String subject, String body) {
        String national = MobilePhone.normalize(recipient);
        if (national == null) {
            throw DeliveryFailedException.permanentFailure("INVALID_NUMBER");
        }
        SmsResponse response;
        try {
            response = rest.post().uri(properties.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_HEADER, idempotencyKey)
                .body(new SmsRequest(properties.sender(), "90" + national, body, idempotencyKey, "TR"))
                .retrieve()
                .body(SmsResponse.class);
        } catch (RestClientResponseException e) {
            throw refused(e);
        } catch (ResourceAccessException e) {
            // a timeout or no connection: the provider may or may not have the message (its reference drops a repeat)
            throw DeliveryFailedException.transientFailure(e.getCause() instanceof java.net.http.HttpTimeoutException
                || e.getCause() instanceof java.net.SocketTimeoutException ? "TIMEOUT" : "NO_CONNECTION", null);
        } catch (RestClientException e) {
            throw DeliveryFailedException.transientFailure("UNREADABLE_ANSWER", null);
        }
        if (response == null || !"ACCEPTED".equalsIgnoreCase(response.status())) {
            throw byCode(response == null ? null : response.code());
        }
    }

    private static DeliveryFailedException refused(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        String code = null;
        try {
            SmsResponse answer = e.getResponseBodyAs(SmsResponse.class);
            code = answer == null ? null : answer.code();
        } catch (RuntimeException unreadable) {
            // no JSON: the status alone decides
        }
        if (code != null && PERMANENT_CODES.contains(code)) {
            return DeliveryFailedException.permanentFailure(code);
        }
        boolean again = status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
        return new DeliveryFailedException("HTTP_" + status + (code == null ? "" : "_" + safe(code)), !again, null);
    }

    private static DeliveryFailedException byCode(String code) {
        if (code != null && PERMANENT_CODES.contains(code)) {
            return DeliveryFailedException.permanentFailure(code);
        }
        return DeliveryFailedException.transientFailure(code == null ? "NOT_ACCEPTED" : safe(code), null);
    }

    /** A provider's code as it goes into the log and the outbox row: letters, digits and _ only, short. */
    static String safe(String code) {
        String cleaned = code.replaceAll("[^A-Za-z0-9_]", "");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
