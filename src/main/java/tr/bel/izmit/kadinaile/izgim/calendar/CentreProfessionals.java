package tr.bel.izmit.kadinaile.izgim.calendar;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;

/** Who has a calendar: the members of the professional groups, and the kinds of room each works in (by her groups). */
@Component
class CentreProfessionals {

    private final IdentityService identityService;
    private final TechnicalEngineCalls technical;

    CentreProfessionals(IdentityService identityService, TechnicalEngineCalls technical) {
        this.identityService = identityService;
        this.technical = technical;
    }

    /** The room kinds the user works in: counselling rooms for (child) psychologists, the dietitian's room for dietitians; none for others. */
    Set<String> roomKindsOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return Set.of();
        }
        Set<String> groups = technical.call(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
            .map(Group::getId).collect(Collectors.toSet());
        Set<String> kinds = new HashSet<>();
        if (groups.contains(IzgimGroups.PSYCHOLOGISTS.id()) || groups.contains(IzgimGroups.CHILD_PSYCHOLOGISTS.id())) {
            kinds.add(SlotBooker.ROOM_COUNSELLING);
        }
        if (groups.contains(IzgimGroups.DIETITIANS.id())) {
            kinds.add(SlotBooker.ROOM_DIETITIAN);
        }
        return kinds;
    }

    boolean isProfessional(String userId) {
        return !roomKindsOf(userId).isEmpty();
    }
}
