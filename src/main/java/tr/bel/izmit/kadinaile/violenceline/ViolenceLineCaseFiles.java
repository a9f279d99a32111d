package tr.bel.izmit.kadinaile.violenceline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.casework.CaseFiles;
import tr.bel.izmit.kadinaile.casework.PersonKey;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * The violence line's case data in the "Vaka bilgileri" tab: for the line's own staff only (operators, social
 * workers, supervisors) the woman's name, safe phone, safe times to call, neighbourhood, the incident notes and the
 * staff's notes and safety plan. Confidential: each view needs a stated reason, and it is also recorded in the line's
 * own access audit ({@link ViolenceCaseStore#read}). Only the line's staff search its open cases (by name or phone;
 * the line keeps no T.C. Kimlik No), decrypted in memory, never by a query on the encrypted columns.
 */
@Component
class ViolenceLineCaseFiles implements CaseFiles {

    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
        .withZone(ZoneId.of("Europe/Istanbul"));
    private static final List<CaseField> FIELDS = List.of(
        field("victimName"), field("safePhone"), field("safeCallTimes"), field("neighbourhood"), field("incidentNotes"),
        field("notes"));

    private final ViolenceCaseStore store;
    private final EntityManager entities;

    ViolenceLineCaseFiles(ViolenceCaseStore store, EntityManager entities) {
        this.store = store;
        this.entities = entities;
    }

    @Override
    public String processKey() {
        return ViolenceLineProcess.KEY;
    }

    @Override
    public String service() {
        return Texts.get("violenceline.case-view.service");
    }

    @Override
    public boolean confidential() {
        return true;
    }

    @Override
    public Set<String> searchGroups() {
        return ViolenceLineIdentityContribution.LINE_STAFF.stream().map(StaffGroup::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Set<String> viewGroups() {
        return searchGroups();
    }

    @Override
    public List<CaseField> fieldsFor(Set<String> groupIds) {
        return searchGroups().stream().anyMatch(groupIds::contains) ? FIELDS : List.of();
    }

    @Override
    @Transactional
    public Optional<CaseRecord> read(String processInstanceId, List<CaseField> fields, String userId, String remoteAddress) {
        List<Long> ids = entities.createQuery("select c.id from ViolenceCase c where c.processInstanceId = :instance", Long.class)
            .setParameter("instance", processInstanceId).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        ViolenceCaseStore.CaseView c = store.read(ids.get(0), userId, remoteAddress);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("victimName", c.victimName());
        all.put("safePhone", c.safePhone());
        all.put("safeCallTimes", c.safeCallTimes());
        all.put("neighbourhood", c.neighbourhood());
        all.put("incidentNotes", c.incidentNotes());
        all.put("notes", c.notes().isEmpty() ? null : c.notes().stream()
            .map(n -> Texts.get("violenceline.case-view.note." + n.kind()) + " (" + n.author() + ", "
                + NOTE_TIME.format(n.createdAt()) + "): " + n.text())
            .collect(Collectors.joining("\n")));
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach(f -> shown.put(f.key(), all.get(f.key())));
        return Optional.of(new CaseRecord(c.caseCode(), shown));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseMatch> search(PersonKey key, int limit) {
        if (key.kind() == PersonKey.Kind.TC_KIMLIK_NO) {
            return List.of();
        }
        List<ViolenceCase> open = entities.createQuery("select c from ViolenceCase c where c.status = :open"
            + " and c.personalDataErasedAt is null order by c.createdAt desc", ViolenceCase.class)
            .setParameter("open", ViolenceCase.Status.OPEN).getResultList();
        return open.stream()
            .filter(c -> key.kind() == PersonKey.Kind.NAME ? key.nameMatches(c.getVictimName())
                : key.value().equals(PersonKey.phoneDigits(c.getSafePhone())))
            .limit(limit)
            .map(c -> new CaseMatch(c.getProcessInstanceId(), c.getCaseCode()))
            .toList();
    }

    private static CaseField field(String key) {
        return new CaseField(key, Texts.get("violenceline.case-view.field." + key));
    }
}
