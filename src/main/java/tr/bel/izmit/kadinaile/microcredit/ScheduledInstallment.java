package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One planned installment of a loan: its position (1-based), the day it falls due and the amount in
 * Turkish lira with two decimals.
 */
public record ScheduledInstallment(int sequence, LocalDate dueDate, BigDecimal amount) {
}
