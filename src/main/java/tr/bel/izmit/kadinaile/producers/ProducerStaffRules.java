package tr.bel.izmit.kadinaile.producers;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;

/** Who may call the producers' staff API: the market coordinators; a producer's record also the food-safety officers. */
@Component
class ProducerStaffRules implements StaffRules {

    @Override
    public void declare(Declarations rules) {
        String coordinators = ProducersIdentityContribution.MARKET_COORDINATORS.id();
        rules.allow(HttpMethod.GET, "/api/staff/producers/*", coordinators, ProducersIdentityContribution.FOOD_SAFETY_OFFICERS.id())
            .allow("/api/staff/producers/**", coordinators);
    }
}
