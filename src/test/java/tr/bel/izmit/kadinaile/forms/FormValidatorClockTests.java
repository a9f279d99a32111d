package tr.bel.izmit.kadinaile.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.FieldError;

/**
 * The application's form validator takes "today" from the application's clock, which follows the engine's clock:
 * a date rule ("no past date") agrees with the processes' timers and our records when the clock is moved (the year
 * simulation found stand requests refused by the wall clock while the whole system lived in the simulated year).
 */
@SpringBootTest
@ActiveProfiles("test")
class FormValidatorClockTests {

    @Autowired
    FormValidator validator;
    @Autowired
    FormRegistry forms;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldJudgeDateRulesByTheApplicationsClock() {
        LocalDate today = LocalDate.of(2025, 3, 1);
        ClockUtil.setCurrentTime(Date.from(today.atTime(LocalTime.NOON).atZone(ClockConfiguration.ISTANBUL).toInstant()));
        FormSchema standRequest = forms.get("market-stand-request-start");

        assertThat(standDateErrors(standRequest, today.plusDays(4))).as("a day after the engine's today").isEmpty();
        assertThat(standDateErrors(standRequest, today.minusDays(1)))
            .extracting(FieldError::message).containsExactly("Stant tarihi geçmiş bir tarih olamaz.");
    }

    private List<FieldError> standDateErrors(FormSchema form, LocalDate standDate) {
        Map<String, Object> values = new HashMap<>();
        values.put("producerCode", "UR-AB12-CD34");
        values.put("verificationCode", "1234");
        values.put("location", "ANITPARK");
        values.put("standDate", standDate.toString());
        return validator.validate(form, values).stream().filter(error -> error.field().equals("standDate")).toList();
    }
}
