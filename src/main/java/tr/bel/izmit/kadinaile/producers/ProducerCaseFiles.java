package tr.bel.izmit.kadinaile.producers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.casework.CaseFiles;
import tr.bel.izmit.kadinaile.casework.PersonKey;
import tr.bel.izmit.kadinaile.casework.PersonQueries;
import tr.bel.izmit.kadinaile.common.Texts;

/**
 * A producer's application in the "Vaka bilgileri" tab: the market coordinators see her identity (name, T.C. Kimlik
 * No or the cooperative and its tax number), phone, e-mail and address; the food-safety officers the name, phone,
 * production place and food registration number. The coordinators search the open applications.
 */
@Component
class ProducerCaseFiles implements CaseFiles {

    private static final String COORDINATORS = ProducersIdentityContribution.MARKET_COORDINATORS.id();
    private static final String FOOD_SAFETY = ProducersIdentityContribution.FOOD_SAFETY_OFFICERS.id();

    private final EntityManager entities;

    ProducerCaseFiles(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public String processKey() {
        return ProducerOnboardingProcess.KEY;
    }

    @Override
    public String service() {
        return Texts.get("producers.case-view.service");
    }

    @Override
    public Set<String> searchGroups() {
        return Set.of(COORDINATORS);
    }

    @Override
    public Set<String> viewGroups() {
        return Set.of(COORDINATORS, FOOD_SAFETY);
    }

    @Override
    public List<CaseField> fieldsFor(Set<String> groupIds) {
        if (groupIds.contains(COORDINATORS)) {
            return fields("fullName", "tcKimlikNo", "cooperative", "phone", "email", "address", "productionPlace",
                "foodRegistrationNo");
        }
        if (groupIds.contains(FOOD_SAFETY)) {
            return fields("fullName", "phone", "productionPlace", "foodRegistrationNo");
        }
        return List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseRecord> read(String processInstanceId, List<CaseField> fields, String userId, String remoteAddress) {
        return entities.createQuery("select p from Producer p where p.processInstanceId = :instance", Producer.class)
            .setParameter("instance", processInstanceId).getResultList().stream().findFirst().map(p -> {
                Map<String, String> all = new LinkedHashMap<>();
                all.put("fullName", p.getFullName());
                all.put("tcKimlikNo", p.getTcKimlikNo());
                all.put("cooperative", p.getCooperativeName() == null ? null
                    : p.getCooperativeName() + (p.getTaxNumber() == null ? "" : " (VKN " + p.getTaxNumber() + ")"));
                all.put("phone", p.getPhone() == null ? null : "0" + p.getPhone());
                all.put("email", p.getEmail());
                all.put("address", p.getNeighbourhood() + ", " + p.getDistrict());
                all.put("productionPlace", p.getProductionPlace());
                all.put("foodRegistrationNo", p.getFoodRegistrationNo());
                Map<String, String> shown = new LinkedHashMap<>();
                fields.forEach(f -> shown.put(f.key(), all.get(f.key())));
                return new CaseRecord(p.getTrackingCode(), shown);
            });
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseMatch> search(PersonKey key, int limit) {
        return PersonQueries.find(entities, Producer.class, key, "applicant.fullName", "applicant.tcKimlikNo",
                "applicant.phone", "submittedAt", Producer::getFullName).stream()
            .filter(p -> p.getStatus().isOpen()).limit(limit)
            .map(p -> new CaseMatch(p.getProcessInstanceId(), p.getTrackingCode())).toList();
    }

    private static List<CaseField> fields(String... keys) {
        return java.util.Arrays.stream(keys).map(key -> new CaseField(key, Texts.get("producers.case-view.field." + key))).toList();
    }
}
