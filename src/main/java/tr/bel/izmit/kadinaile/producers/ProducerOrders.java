package tr.bel.izmit.kadinaile.producers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;

/** Orders placed in producers' shops, as the marketplace reports them: each order once, by its marketplace id. */
@Service
@Transactional
public class ProducerOrders {

    private final JdbcTemplate jdbc;
    private final ProducerRepository producers;
    private final Clock clock;

    ProducerOrders(JdbcTemplate jdbc, ProducerRepository producers, Clock clock) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.clock = clock;
    }

    /** An order as the marketplace reports it. */
    public record Order(String orderId, String producerCode, BigDecimal amount, Instant orderedAt) {
    }

    /**
     * Records an order.
     *
     * @return true when it was new, false when the same order had been recorded already
     * @throws ConflictException when the order id was recorded with other values
     */
    public boolean record(Order order, String recordedBy) {
        validate(order);
        Producer producer = producers.findByTrackingCode(order.producerCode().strip())
            .filter(p -> p.getShopId() != null)
            .orElseThrow(() -> ValidationFailedException.of("producerCode", Texts.get("producers.orders.no-shop")));
        List<Map<String, Object>> earlier = jdbc.queryForList(
            "select producer_id, amount, ordered_at from pr_order where external_order_id = ?", order.orderId());
        if (!earlier.isEmpty()) {
            Map<String, Object> row = earlier.get(0);
            boolean same = ((Number) row.get("producer_id")).longValue() == producer.getId()
                && ((BigDecimal) row.get("amount")).compareTo(order.amount()) == 0
                && ((Timestamp) row.get("ordered_at")).toInstant().equals(order.orderedAt());
            if (!same) {
                throw new ConflictException(Texts.get("producers.orders.conflicting"));
            }
            return false;
        }
        jdbc.update("insert into pr_order (external_order_id, producer_id, amount, ordered_at, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?)", order.orderId(), producer.getId(), order.amount(), Timestamp.from(order.orderedAt()),
            Timestamp.from(Instant.now(clock)), recordedBy);
        return true;
    }

    private void validate(Order order) {
        if (order == null) {
            throw ValidationFailedException.of("orderId", Texts.get("producers.orders.required"));
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        if (order.orderId() == null || order.orderId().isBlank() || order.orderId().length() > 100) {
            errors.add(new FieldError("orderId", Texts.get("producers.orders.order-id.required")));
        }
        if (order.producerCode() == null || order.producerCode().isBlank()) {
            errors.add(new FieldError("producerCode", Texts.get("producers.orders.producer-code.required")));
        }
        if (order.amount() == null || order.amount().signum() < 0 || order.amount().scale() > 2) {
            errors.add(new FieldError("amount", Texts.get("producers.orders.amount.invalid")));
        }
        if (order.orderedAt() == null) {
            errors.add(new FieldError("orderedAt", Texts.get("producers.orders.ordered-at.required")));
        } else if (order.orderedAt().isAfter(Instant.now(clock).plusSeconds(300))) {
            errors.add(new FieldError("orderedAt", Texts.get("producers.orders.ordered-at.future")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }
}
