package tr.bel.izmit.kadinaile.violenceline;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Deadlines and task priorities by risk level: the receiving institution must answer a referral within the
 * SLA (CRITICAL 1 hour, HIGH 24 hours, MEDIUM 72 hours, LOW 7 days) or the supervisor is alerted; tasks of
 * critical cases come first in every queue.
 */
@Component("violenceSla")
public class ViolenceSla {

    private final Clock clock;

    ViolenceSla(Clock clock) {
        this.clock = clock;
    }

    public static Duration referralSla(String riskLevel) {
        return switch (riskLevel == null ? "LOW" : riskLevel) {
            case "CRITICAL" -> Duration.ofHours(1);
            case "HIGH" -> Duration.ofHours(24);
            case "MEDIUM" -> Duration.ofHours(72);
            default -> Duration.ofDays(7);
        };
    }

    public int priority(String riskLevel) {
        return switch (riskLevel == null ? "LOW" : riskLevel) {
            case "CRITICAL" -> 100;
            case "HIGH" -> 80;
            case "MEDIUM" -> 60;
            default -> 40;
        };
    }

    /** A referral should be made well within its SLA: in a quarter of it. */
    public Date makeReferralDue(String riskLevel) {
        return Date.from(clock.instant().plus(referralSla(riskLevel).dividedBy(4)));
    }
}
