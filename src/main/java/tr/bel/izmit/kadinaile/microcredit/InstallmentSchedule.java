package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans the repayment of an interest-free loan in equal monthly installments. The amounts are whole
 * kuruş: the principal is divided evenly and the kuruş that remain are added, one each, to the first
 * installments, so the installments differ by at most 0,01 TL and add up exactly to the principal.
 */
public final class InstallmentSchedule {

    private static final int KURUS_SCALE = 2;

    private InstallmentSchedule() {
    }

    /**
     * The installments of a loan of {@code principal} TL over {@code months} months; the n-th falls due n
     * months after {@code disbursementDate} (on the last day of the month when that month is shorter).
     *
     * @throws IllegalArgumentException when the principal is not positive, has more than two decimals, is
     *                                  less than one kuruş per month, or {@code months} is less than one
     */
    public static List<ScheduledInstallment> plan(BigDecimal principal, int months, LocalDate disbursementDate) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(disbursementDate, "disbursementDate");
        if (principal.signum() <= 0) {
            throw new IllegalArgumentException("principal must be positive: " + principal);
        }
        if (principal.stripTrailingZeros().scale() > KURUS_SCALE) {
            throw new IllegalArgumentException("principal has fractions of a kuruş: " + principal);
        }
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1: " + months);
        }
        long totalKurus = principal.movePointRight(KURUS_SCALE).longValueExact();
        if (totalKurus < months) {
            // every installment must be at least one kuruş
            throw new IllegalArgumentException("principal " + principal + " is too small for " + months + " installments");
        }
        long baseKurus = totalKurus / months;
        long remainderKurus = totalKurus % months;

        List<ScheduledInstallment> installments = new ArrayList<>(months);
        for (int sequence = 1; sequence <= months; sequence++) {
            long kurus = sequence <= remainderKurus ? baseKurus + 1 : baseKurus;
            installments.add(new ScheduledInstallment(
                sequence,
                disbursementDate.plusMonths(sequence),
                BigDecimal.valueOf(kurus, KURUS_SCALE)));
        }
        return List.copyOf(installments);
    }
}
