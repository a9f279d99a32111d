package tr.bel.izmit.kadinaile.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS provider, from the environment ({@code KADINAILE_SMS_PROVIDER}, {@code KADINAILE_SMS_URL},
 * {@code KADINAILE_SMS_API_KEY}, {@code KADINAILE_SMS_SENDER}, ...) or the properties {@code kadinaile.sms.*}; see
 * {@code docs/sms.md}. No key is ever written into the repository.
 *
 * @param provider {@code log} (the default: only a log line, nothing is sent), {@code http} (the provider's JSON API,
 *     {@link HttpSmsTransport}) or {@code simulated} (the demo: accepted and logged masked, {@link SimulatedSmsTransport})
 * @param url the provider's send endpoint
 * @param apiKey the account's API key, sent in the header {@code apiKeyHeader}
 * @param sender the sender title registered with the provider (the "başlık" the citizen sees)
 * @param dropsRepeats whether the provider drops a second message with the same reference (then an interrupted send
 *     is repeated, otherwise it is marked failed for staff)
 */
@ConfigurationProperties("kadinaile.sms")
public record SmsProperties(
    @DefaultValue("log") String provider,
    String url,
    String apiKey,
    @DefaultValue("X-Api-Key") String apiKeyHeader,
    @DefaultValue("IZMIT BLD") String sender,
    @DefaultValue("PT3S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration readTimeout,
    @DefaultValue("false") boolean dropsRepeats) {
}
