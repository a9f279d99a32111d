package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.Gen;

class InstallmentScheduleProperties {

    private static final Gen<Long> PRINCIPAL_KURUS = Gen.longs(150_000, 500_000);
    private static final Gen<Integer> TERMS = Gen.of(6, 10, 12);
    private static final Gen<LocalDate> DISBURSED = Gen.dates(LocalDate.of(2020, 1, 1), LocalDate.of(2040, 12, 31));

    @Test
    void shouldRepayExactlyThePrincipalInNearlyEqualInstallments() {
        forAll(1000, PRINCIPAL_KURUS, TERMS, DISBURSED, (principalKurus, months, disbursed) -> {
            BigDecimal principal = BigDecimal.valueOf(principalKurus, 2);

            List<ScheduledInstallment> plan = InstallmentSchedule.plan(principal, months, disbursed);

            assertThat(plan).hasSize(months);
            assertThat(plan.stream().map(ScheduledInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(principal);
            assertThat(plan).allSatisfy(installment -> assertThat(installment.amount().scale()).isEqualTo(2));
            BigDecimal largest = plan.stream().map(ScheduledInstallment::amount).max(Comparator.naturalOrder()).orElseThrow();
            BigDecimal smallest = plan.stream().map(ScheduledInstallment::amount).min(Comparator.naturalOrder()).orElseThrow();
            assertThat(largest.subtract(smallest)).isLessThanOrEqualTo(new BigDecimal("0.01"));
        });
    }

    @Test
    void shouldDueTheInstallmentsOnStrictlyIncreasingDatesAfterTheDisbursement() {
        forAll(1000, PRINCIPAL_KURUS, TERMS, DISBURSED, (principalKurus, months, disbursed) -> {
            List<ScheduledInstallment> plan = InstallmentSchedule.plan(BigDecimal.valueOf(principalKurus, 2), months, disbursed);

            LocalDate previous = disbursed;
            for (int i = 0; i < plan.size(); i++) {
                assertThat(plan.get(i).sequence()).isEqualTo(i + 1);
                assertThat(plan.get(i).dueDate()).isAfter(previous);
                previous = plan.get(i).dueDate();
            }
        });
    }
}
