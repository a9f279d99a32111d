package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.constraints.DateRange;

class InstallmentScheduleProperties {

    @Property
    void shouldRepayExactlyThePrincipalInNearlyEqualInstallments(
        @ForAll @LongRange(min = 150_000, max = 500_000) long principalKurus,
        @ForAll("terms") int months,
        @ForAll @DateRange(min = "2020-01-01", max = "2040-12-31") LocalDate disbursed) {
        BigDecimal principal = BigDecimal.valueOf(principalKurus, 2);

        List<ScheduledInstallment> plan = InstallmentSchedule.plan(principal, months, disbursed);

        assertThat(plan).hasSize(months);
        assertThat(plan.stream().map(ScheduledInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualByComparingTo(principal);
        assertThat(plan).allSatisfy(installment -> assertThat(installment.amount().scale()).isEqualTo(2));
        BigDecimal largest = plan.stream().map(ScheduledInstallment::amount).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal smallest = plan.stream().map(ScheduledInstallment::amount).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(largest.subtract(smallest)).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Property
    void shouldDueTheInstallmentsOnStrictlyIncreasingDatesAfterTheDisbursement(
        @ForAll @LongRange(min = 150_000, max = 500_000) long principalKurus,
        @ForAll("terms") int months,
        @ForAll @DateRange(min = "2020-01-01", max = "2040-12-31") LocalDate disbursed) {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(BigDecimal.valueOf(principalKurus, 2), months, disbursed);

        LocalDate previous = disbursed;
        for (int i = 0; i < plan.size(); i++) {
            assertThat(plan.get(i).sequence()).isEqualTo(i + 1);
            assertThat(plan.get(i).dueDate()).isAfter(previous);
            previous = plan.get(i).dueDate();
        }
    }

    @Provide
    Arbitrary<Integer> terms() {
        return Arbitraries.of(6, 10, 12);
    }
}
