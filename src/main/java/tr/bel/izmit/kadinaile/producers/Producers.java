package tr.bel.izmit.kadinaile.producers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.KocaeliDistrict;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;
import tr.bel.izmit.kadinaile.common.validation.TcKimlikNo;
import tr.bel.izmit.kadinaile.common.validation.VergiKimlikNo;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Decisions;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/** The producer records: registration, the decisions of the onboarding, suspension and reinstatement. */
@Service("producers")
@Transactional
public class Producers {

    /** An application or a producer in one of these blocks a second application with the same number. */
    static final java.util.Set<ProducerStatus> ACTIVE = java.util.EnumSet.complementOf(
        java.util.EnumSet.of(ProducerStatus.REJECTED, ProducerStatus.WITHDRAWN));
    static final String WRONG_CREDENTIALS = Texts.get("producers.validation.credentials.wrong");

    private final ProducerRepository producers;
    private final ProducerStatusChangeRepository changes;
    private final SolidarityMeetings meetings;
    private final Clock clock;

    Producers(ProducerRepository producers, ProducerStatusChangeRepository changes, SolidarityMeetings meetings, Clock clock) {
        this.producers = producers;
        this.changes = changes;
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * Stores an application from start-form values that the form validator has already accepted, after the
     * domain rules the form cannot express (checked again here, whoever submits).
     */
    public Producer register(Map<String, Object> values, String processInstanceId) {
        String type = text(values, Vars.APPLICANT_TYPE);
        boolean cooperative = Decisions.COOPERATIVE.equals(type);
        List<String> categories = categories(values.get(Vars.PRODUCT_CATEGORIES));
        String foodRegistration = blankToNull(text(values, Vars.FOOD_REGISTRATION_NO));
        List<FieldError> errors = new ArrayList<>();
        if (!Decisions.PERSON.equals(type) && !cooperative) {
            errors.add(new FieldError(Vars.APPLICANT_TYPE, Texts.get("producers.validation.applicant-type.required")));
        }
        if (Decisions.PERSON.equals(type) && !TcKimlikNo.isValid(text(values, Vars.TC_KIMLIK_NO))) {
            errors.add(new FieldError(Vars.TC_KIMLIK_NO, Texts.get("producers.validation.tc-kimlik-no.invalid")));
        }
        if (cooperative && blankToNull(text(values, Vars.COOPERATIVE_NAME)) == null) {
            errors.add(new FieldError(Vars.COOPERATIVE_NAME, Texts.get("producers.validation.cooperative-name.required")));
        }
        if (cooperative && !VergiKimlikNo.isValid(text(values, Vars.TAX_NUMBER))) {
            errors.add(new FieldError(Vars.TAX_NUMBER, Texts.get("producers.validation.tax-number.invalid")));
        }
        if (categories.isEmpty()) {
            errors.add(new FieldError(Vars.PRODUCT_CATEGORIES, Texts.get("producers.validation.product-categories.required")));
        }
        if (categories.contains(Decisions.FOOD) && foodRegistration == null) {
            errors.add(new FieldError(Vars.FOOD_REGISTRATION_NO, Texts.get("producers.validation.food-registration-no.required")));
        }
        if (KocaeliDistrict.byCode(text(values, Vars.DISTRICT)).isEmpty()) {
            errors.add(new FieldError(Vars.DISTRICT, Texts.get("producers.validation.district.invalid")));
        }
        String phone = MobilePhone.normalize(text(values, Vars.PHONE));
        if (phone == null) {
            errors.add(new FieldError(Vars.PHONE, Texts.get("producers.validation.phone.invalid")));
        }
        if (!Boolean.TRUE.equals(values.get(Vars.KVKK_CONSENT))) {
            errors.add(new FieldError(Vars.KVKK_CONSENT, Texts.get("producers.validation.kvkk-consent.required")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        String tc = cooperative ? null : text(values, Vars.TC_KIMLIK_NO);
        String tax = cooperative ? text(values, Vars.TAX_NUMBER) : null;
        if (tc != null && producers.existsByTcKimlikNoAndStatusIn(tc, ACTIVE)
                || tax != null && producers.existsByTaxNumberAndStatusIn(tax, ACTIVE)) {
            throw ValidationFailedException.of(cooperative ? Vars.TAX_NUMBER : Vars.TC_KIMLIK_NO,
                Texts.get(cooperative ? "producers.validation.tax-number.taken" : "producers.validation.tc-kimlik-no.taken"));
        }
        Producer.Application application = new Producer.Application(type, text(values, Vars.CONTACT_NAME), tc,
            cooperative ? text(values, Vars.COOPERATIVE_NAME) : null, tax, phone, blankToNull(text(values, Vars.EMAIL)),
            text(values, Vars.DISTRICT), text(values, Vars.NEIGHBOURHOOD), categories, text(values, Vars.PRODUCTION_PLACE),
            text(values, Vars.SALES_CHANNEL), categories.contains(Decisions.FOOD) ? foodRegistration : null,
            blankToNull(text(values, Vars.WOMENS_COOPERATIVE)));
        String trackingCode;
        do {
            trackingCode = TrackingCodes.generate(ProducerOnboardingProcess.TRACKING_PREFIX);
        } while (producers.existsByTrackingCode(trackingCode));
        Producer producer = new Producer(trackingCode, application, Instant.now(clock));
        producer.attachProcessInstance(processInstanceId);
        Producer saved = producers.save(producer);
        changes.save(new ProducerStatusChange(saved.getId(), null, saved.getStatus(), null, null, Instant.now(clock)));
        return saved;
    }

    @Transactional(readOnly = true)
    public Producer get(Long producerId) {
        return producers.findById(producerId).orElseThrow(() -> new NoSuchElementException("producer " + producerId));
    }

    @Transactional(readOnly = true)
    public Producer byCode(String producerCode) {
        return producers.findByTrackingCode(producerCode).orElseThrow(() -> new NoSuchElementException("producer " + producerCode));
    }

    /** Called from the BPMN (execution listeners) as the case moves on. */
    public void markStatus(Long producerId, String status) {
        change(get(producerId), ProducerStatus.valueOf(status), null, null);
    }

    public void reject(Long producerId, String reason) {
        Producer producer = get(producerId);
        ProducerStatus before = producer.getStatus();
        producer.reject(reason, Instant.now(clock));
        changes.save(new ProducerStatusChange(producer.getId(), before, ProducerStatus.REJECTED, reason, null, Instant.now(clock)));
    }

    /** Invites the producer to the next solidarity meeting; returns its date. */
    public LocalDate inviteToNextMeeting(Long producerId) {
        Producer producer = get(producerId);
        LocalDate meeting = meetings.next(LocalDate.now(clock));
        producer.inviteTo(meeting);
        if (producer.getStatus() != ProducerStatus.ORIENTATION) {
            change(producer, ProducerStatus.ORIENTATION, null, null);
        }
        return meeting;
    }

    public void recordAttendance(Long producerId) {
        Producer producer = get(producerId);
        producer.attendedOrientation(Instant.now(clock));
        change(producer, ProducerStatus.VERIFIED, Texts.get("producers.status-change.orientation-attended"), null);
    }

    public void recordShop(Long producerId, String shopId) {
        get(producerId).shopOpened(shopId, Instant.now(clock));
    }

    /** A coordinator suspends a verified producer: no new stands, the reason kept in the history. */
    public Producer suspend(String producerCode, String reason, String by) {
        Producer producer = byCode(producerCode);
        requireReason(reason);
        if (producer.getStatus() != ProducerStatus.VERIFIED) {
            throw new ConflictException(Texts.get("producers.suspend.not-verified"));
        }
        change(producer, ProducerStatus.SUSPENDED, reason.strip(), by);
        return producer;
    }

    /** A coordinator reinstates a suspended producer, the reason kept in the history. */
    public Producer reinstate(String producerCode, String reason, String by) {
        Producer producer = byCode(producerCode);
        requireReason(reason);
        if (producer.getStatus() != ProducerStatus.SUSPENDED) {
            throw new ConflictException(Texts.get("producers.reactivate.not-suspended"));
        }
        change(producer, ProducerStatus.VERIFIED, reason.strip(), by);
        return producer;
    }

    @Transactional(readOnly = true)
    public List<ProducerStatusChange> history(Long producerId) {
        return changes.findByProducerIdOrderById(producerId);
    }

    /**
     * The producer behind a stand request: her producer code plus a second factor only she knows (the last four
     * digits of her mobile phone, or of the cooperative's tax number). One message for an unknown code and a wrong
     * second factor, so that the answer tells nothing about which codes exist.
     */
    @Transactional(readOnly = true)
    public Producer verifiedForStands(String producerCode, String secondFactor, String codeField) {
        String code = producerCode == null ? "" : producerCode.strip().toUpperCase(java.util.Locale.ROOT);
        String secret = secondFactor == null ? "" : secondFactor.strip();
        Producer producer = producers.findByTrackingCode(code).orElse(null);
        if (producer == null || secret.length() != 4 || !(producer.getPhone().endsWith(secret)
                || producer.getTaxNumber() != null && producer.getTaxNumber().endsWith(secret))) {
            throw ValidationFailedException.of(codeField, WRONG_CREDENTIALS);
        }
        if (producer.getStatus() == ProducerStatus.SUSPENDED) {
            throw ValidationFailedException.of(codeField, Texts.get("producers.stands.producer-suspended"));
        }
        if (producer.getStatus() != ProducerStatus.VERIFIED) {
            throw ValidationFailedException.of(codeField,
                Texts.get("producers.stands.producer-not-verified"));
        }
        return producer;
    }

    private void change(Producer producer, ProducerStatus to, String reason, String by) {
        ProducerStatus before = producer.getStatus();
        if (before == to && reason == null) {
            return;
        }
        producer.changeStatus(to, Instant.now(clock));
        changes.save(new ProducerStatusChange(producer.getId(), before, to, reason, by, Instant.now(clock)));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationFailedException.of("reason", Texts.get("producers.validation.reason.required"));
        }
        if (reason.length() > 1000) {
            throw ValidationFailedException.of("reason", Texts.get("producers.validation.reason.too-long"));
        }
    }

    static List<String> categories(Object value) {
        if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
            return json.isArray() ? json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).distinct().toList()
                : List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).distinct().toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }
        return List.of();
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
