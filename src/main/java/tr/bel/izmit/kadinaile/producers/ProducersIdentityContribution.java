package tr.bel.izmit.kadinaile.producers;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.CaseReference;
import tr.bel.izmit.kadinaile.identity.DemoUser;
import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

/**
 * İzmit Çarşısı's groups and who does what in {@code producer-onboarding} and {@code market-stand-request}:
 * market coordinators run both, food-safety officers check food producers; managers watch both read-only.
 */
@Component
@Order(40)
public class ProducersIdentityContribution implements IdentityContribution {

    public static final StaffGroup MARKET_COORDINATORS = new StaffGroup("market-coordinators", "Pazar Koordinatörleri");
    public static final StaffGroup FOOD_SAFETY_OFFICERS = new StaffGroup("food-safety-officers", "Gıda Güvenliği Sorumluları");

    @Override
    public List<StaffGroup> groups() {
        return List.of(MARKET_COORDINATORS, FOOD_SAFETY_OFFICERS);
    }

    @Override
    public List<ProcessAccessPolicy> processes() {
        return List.of(
            new ProcessAccessPolicy(ProducerOnboardingProcess.KEY,
                Set.of(MARKET_COORDINATORS),
                Set.of(MARKET_COORDINATORS, FOOD_SAFETY_OFFICERS),
                Set.of(MARKET_COORDINATORS),
                Set.of(StaffGroup.MANAGERS),
                Set.of(),
                false,
                CaseReference.TRACKING_CODE),
            new ProcessAccessPolicy(MarketStandProcess.KEY,
                Set.of(MARKET_COORDINATORS),
                Set.of(MARKET_COORDINATORS),
                Set.of(MARKET_COORDINATORS),
                Set.of(StaffGroup.MANAGERS),
                Set.of(),
                false,
                CaseReference.TRACKING_CODE));
    }

    @Override
    public List<DemoUser> demoUsers() {
        return List.of(
            new DemoUser("seda.kurt", "Seda", "Kurt", List.of(MARKET_COORDINATORS)),
            new DemoUser("nur.ozdemir", "Nur", "Özdemir", List.of(FOOD_SAFETY_OFFICERS)));
    }
}
