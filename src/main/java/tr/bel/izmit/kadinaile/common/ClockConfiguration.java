package tr.bel.izmit.kadinaile.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One time for the whole system: our records follow the engine's clock, so that moving the engine's time
 * (tests, simulations) moves due dates and ages of our records with the timers. The directorate works on
 * Turkish time.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    @Bean
    Clock clock() {
        return new EngineClock(ISTANBUL);
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
