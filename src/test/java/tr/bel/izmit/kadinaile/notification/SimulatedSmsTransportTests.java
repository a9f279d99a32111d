package tr.bel.izmit.kadinaile.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The demo's simulated provider: visible in the log, without the number or the text in clear. */
@ExtendWith(OutputCaptureExtension.class)
class SimulatedSmsTransportTests {

    private final SimulatedSmsTransport provider = new SimulatedSmsTransport();

    @Test
    void shouldLogTheAcceptedMessageMasked(CapturedOutput output) {
        provider.send("courses:9:RECEIVED:sms", "5427654321", null, "İZMEK kurs başvurunuz alındı. Takip kodunuz: KR-4H7J-2W9P.");

        assertThat(output.getAll()).contains("SMS courses:9:RECEIVED:sms to ***21 accepted by the simulated provider")
            .doesNotContain("5427654321", "42765", "KR-4H7J-2W9P", "Takip kodunuz");
    }

    @Test
    void shouldRefuseANumberThatIsNoMobileNumberForGood(CapturedOutput output) {
        DeliveryFailedException refused = catchThrowableOfType(DeliveryFailedException.class,
            () -> provider.send("courses:9:RECEIVED:sms", "02623180000", null, "metin"));

        assertThat(refused.permanent()).isTrue();
        assertThat(refused.reason()).isEqualTo("INVALID_NUMBER");
        assertThat(output.getAll()).contains("refused by the simulated provider: INVALID_NUMBER").doesNotContain("2623180000");
    }
}
