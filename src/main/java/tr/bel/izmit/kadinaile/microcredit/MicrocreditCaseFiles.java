package tr.bel.izmit.kadinaile.microcredit;

import java.util.Arrays;
import java.util.EnumSet;
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
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * A microcredit application in the "Vaka bilgileri" tab: the İZGİM officers (document check, follow-ups) see the
 * applicant's identity data to compare with her documents (name, T.C. Kimlik No, phone, e-mail, address, IBAN); the
 * entrepreneurship mentors her name, phone and business summary; the committee and the managers her name and
 * business summary; the finance officers her name and IBAN. The officers search the open applications.
 */
@Component
class MicrocreditCaseFiles implements CaseFiles {

    private static final String OFFICERS = StaffGroup.IZGIM_OFFICERS.id();
    private static final Set<ApplicationStatus> CLOSED = EnumSet.of(ApplicationStatus.INELIGIBLE, ApplicationStatus.WITHDRAWN,
        ApplicationStatus.REJECTED, ApplicationStatus.REPAID);

    private final EntityManager entities;

    MicrocreditCaseFiles(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public String processKey() {
        return MicrocreditProcess.KEY;
    }

    @Override
    public String service() {
        return Texts.get("microcredit.case-view.service");
    }

    @Override
    public Set<String> searchGroups() {
        return Set.of(OFFICERS);
    }

    @Override
    public Set<String> viewGroups() {
        return Set.of(OFFICERS, MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS.id(),
            MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE.id(), StaffGroup.MANAGERS.id(),
            MicrocreditIdentityContribution.FINANCE_OFFICERS.id());
    }

    @Override
    public List<CaseField> fieldsFor(Set<String> groupIds) {
        if (groupIds.contains(OFFICERS)) {
            return fields("fullName", "tcKimlikNo", "phone", "email", "address", "iban");
        }
        if (groupIds.contains(MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS.id())) {
            return fields("fullName", "phone", "businessSummary");
        }
        if (groupIds.contains(MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE.id())
                || groupIds.contains(StaffGroup.MANAGERS.id())) {
            return fields("fullName", "businessSummary");
        }
        if (groupIds.contains(MicrocreditIdentityContribution.FINANCE_OFFICERS.id())) {
            return fields("fullName", "iban");
        }
        return List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseRecord> read(String processInstanceId, List<CaseField> fields, String userId, String remoteAddress) {
        return entities.createQuery("select a from MicrocreditApplication a where a.processInstanceId = :instance",
                MicrocreditApplication.class)
            .setParameter("instance", processInstanceId).getResultList().stream().findFirst().map(a -> {
                Map<String, String> all = new LinkedHashMap<>();
                all.put("fullName", a.getFullName());
                all.put("tcKimlikNo", a.getTcKimlikNo());
                all.put("phone", a.getPhone() == null ? null : "0" + a.getPhone());
                all.put("email", a.getEmail());
                all.put("address", a.getNeighbourhood() + ", " + a.getDistrict());
                all.put("iban", a.getIban());
                all.put("businessSummary", a.getBusinessSummary());
                Map<String, String> shown = new LinkedHashMap<>();
                fields.forEach(f -> shown.put(f.key(), all.get(f.key())));
                return new CaseRecord(a.getTrackingCode(), shown);
            });
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseMatch> search(PersonKey key, int limit) {
        return PersonQueries.find(entities, MicrocreditApplication.class, key, "applicant.fullName", "applicant.tcKimlikNo",
                "applicant.phone", "submittedAt", MicrocreditApplication::getFullName).stream()
            .filter(a -> !CLOSED.contains(a.getStatus())).limit(limit)
            .map(a -> new CaseMatch(a.getProcessInstanceId(), a.getTrackingCode())).toList();
    }

    private static List<CaseField> fields(String... keys) {
        return Arrays.stream(keys).map(key -> new CaseField(key, Texts.get("microcredit.case-view.field." + key))).toList();
    }
}
