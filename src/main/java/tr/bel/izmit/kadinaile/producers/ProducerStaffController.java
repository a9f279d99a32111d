package tr.bel.izmit.kadinaile.producers;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;


/**
 * Staff actions on producers that are not Tasklist tasks: the producer's details (personal data, for the
 * coordinators and food-safety officers), recording that the information asked for arrived, suspension and
 * reinstatement, and the orders the marketplace reports. HTTP Basic against the Camunda identity.
 */
@RestController
@RequestMapping("/api/staff/producers")
class ProducerStaffController {

    private final Producers producers;
    private final ProducerCaseActions actions;
    private final ProducerOrders orders;

    ProducerStaffController(Producers producers, ProducerCaseActions actions, ProducerOrders orders) {
        this.producers = producers;
        this.actions = actions;
        this.orders = orders;
    }

    record StatusChangeView(String fromStatus, String toStatus, String reason, String changedBy, Instant changedAt) {
    }

    record ProducerView(String producerCode, String applicantType, String fullName, String tcKimlikNo, String cooperativeName,
            String taxNumber, String phone, String email, String district, String neighbourhood, List<String> productCategories,
            String productionPlace, String salesChannel, String foodRegistrationNo, String womensCooperative, String status,
            String rejectionReason, LocalDate orientationMeetingOn, Instant orientationAttendedAt, String shopId,
            Instant shopOpenedAt, Instant submittedAt, List<StatusChangeView> history) {
    }

    record ReasonRequest(String reason) {
    }

    record StatusResponse(String producerCode, String status, String message) {
    }

    record OrderResponse(String orderId, boolean recorded, String message) {
    }

    @GetMapping("/{producerCode}")
    @Transactional(readOnly = true)
    ProducerView producer(@PathVariable String producerCode) {
        Producer p = producers.byCode(producerCode);
        return new ProducerView(p.getTrackingCode(), p.getApplicantType(), p.getFullName(), p.getTcKimlikNo(), p.getCooperativeName(),
            p.getTaxNumber(), p.getPhone(), p.getEmail(), p.getDistrict(), p.getNeighbourhood(), p.getProductCategories(),
            p.getProductionPlace(), p.getSalesChannel(), p.getFoodRegistrationNo(), p.getWomensCooperative(), p.getStatus().name(),
            p.getRejectionReason(), p.getOrientationMeetingOn(), p.getOrientationAttendedAt(), p.getShopId(), p.getShopOpenedAt(),
            p.getSubmittedAt(), producers.history(p.getId()).stream().map(c -> new StatusChangeView(
                c.getFromStatus() == null ? null : c.getFromStatus().name(), c.getToStatus().name(), c.getReason(), c.getChangedBy(),
                c.getChangedAt())).toList());
    }

    /** The producer sent the information asked for: the application goes back to the coordinators' review. */
    @PostMapping("/{producerCode}/info-provided")
    StatusResponse infoProvided(@PathVariable String producerCode) {
        Producer producer = actions.infoProvided(producerCode);
        return new StatusResponse(producer.getTrackingCode(), "IN_REVIEW", Texts.get("producers.staff.more-information-received"));
    }

    @PostMapping("/{producerCode}/suspension")
    StatusResponse suspend(@PathVariable String producerCode, @RequestBody(required = false) ReasonRequest request,
            Principal caller) {
        String user = caller.getName();
        Producer producer = producers.suspend(producerCode, request == null ? null : request.reason(), user);
        return new StatusResponse(producer.getTrackingCode(), producer.getStatus().name(), Texts.get("producers.staff.suspended"));
    }

    @PostMapping("/{producerCode}/reinstatement")
    StatusResponse reinstate(@PathVariable String producerCode, @RequestBody(required = false) ReasonRequest request,
            Principal caller) {
        String user = caller.getName();
        Producer producer = producers.reinstate(producerCode, request == null ? null : request.reason(), user);
        return new StatusResponse(producer.getTrackingCode(), producer.getStatus().name(), Texts.get("producers.staff.reactivated"));
    }

    /**
     * An order placed in a producer's shop, as the marketplace reports it (through a technical user in
     * market-coordinators). Repeating the same order changes nothing.
     */
    @PostMapping("/orders")
    ResponseEntity<OrderResponse> recordOrder(@RequestBody(required = false) ProducerOrders.Order order,
            Principal caller) {
        String user = caller.getName();
        boolean recorded = orders.record(order, user);
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new OrderResponse(order.orderId(), recorded, recorded ? Texts.get("producers.staff.order.recorded")
            : Texts.get("producers.staff.order.recorded-before")));
    }
}
