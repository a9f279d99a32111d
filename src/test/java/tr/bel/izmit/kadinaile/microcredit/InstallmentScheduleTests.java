package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstallmentScheduleTests {

    private static final LocalDate DISBURSED = LocalDate.of(2025, 3, 10);

    @Test
    void shouldPutTheRemainingKurusOnTheFirstInstallments() {
        // 500000 kuruş / 12 = 41666 remainder 8
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("5000.00"), 12, DISBURSED);

        assertThat(plan).extracting(ScheduledInstallment::amount).containsExactly(
            new BigDecimal("416.67"), new BigDecimal("416.67"), new BigDecimal("416.67"), new BigDecimal("416.67"),
            new BigDecimal("416.67"), new BigDecimal("416.67"), new BigDecimal("416.67"), new BigDecimal("416.67"),
            new BigDecimal("416.66"), new BigDecimal("416.66"), new BigDecimal("416.66"), new BigDecimal("416.66"));
        assertThat(plan.stream().map(ScheduledInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualTo(new BigDecimal("5000.00"));
    }

    @Test
    void shouldSplitAnEvenAmountIntoEqualInstallments() {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("1500"), 6, DISBURSED);

        assertThat(plan).hasSize(6).extracting(ScheduledInstallment::amount).containsOnly(new BigDecimal("250.00"));
        assertThat(plan).allSatisfy(installment -> assertThat(installment.amount().scale()).isEqualTo(2));
    }

    @Test
    void shouldSplitAmountsWithKurus() {
        // 200001 kuruş / 10 = 20000 remainder 1
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("2000.01"), 10, DISBURSED);

        assertThat(plan.get(0).amount()).isEqualByComparingTo("200.01");
        assertThat(plan.subList(1, 10)).extracting(ScheduledInstallment::amount).containsOnly(new BigDecimal("200.00"));
    }

    @Test
    void shouldNumberTheInstallmentsAndDueThemMonthByMonth() {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("1500.00"), 6, DISBURSED);

        assertThat(plan).extracting(ScheduledInstallment::sequence).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(plan).extracting(ScheduledInstallment::dueDate).containsExactly(
            LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10), LocalDate.of(2025, 6, 10),
            LocalDate.of(2025, 7, 10), LocalDate.of(2025, 8, 10), LocalDate.of(2025, 9, 10));
    }

    @Test
    void shouldDueOnTheLastDayOfShorterMonthsAfterAThirtyFirstJanuaryDisbursement() {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("5000.00"), 12, LocalDate.of(2025, 1, 31));

        assertThat(plan).extracting(ScheduledInstallment::dueDate).containsExactly(
            LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30),
            LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31),
            LocalDate.of(2025, 8, 31), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 31),
            LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31));
    }

    @Test
    void shouldDueOnTheTwentyNinthOfFebruaryInALeapYear() {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("1500.00"), 6, LocalDate.of(2024, 1, 31));

        assertThat(plan.get(0).dueDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(plan.get(1).dueDate()).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void shouldAcceptTrailingZerosBeyondTheKurus() {
        List<ScheduledInstallment> plan = InstallmentSchedule.plan(new BigDecimal("1500.000"), 6, DISBURSED);

        assertThat(plan).extracting(ScheduledInstallment::amount).containsOnly(new BigDecimal("250.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1500.00", "1500.001", "1500.555"})
    void shouldRejectPrincipalsThatAreNotPositiveWholeKurus(String principal) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InstallmentSchedule.plan(new BigDecimal(principal), 6, DISBURSED));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -12})
    void shouldRejectFewerThanOneMonth(int months) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InstallmentSchedule.plan(new BigDecimal("1500.00"), months, DISBURSED));
    }

    @Test
    void shouldRejectAPrincipalSmallerThanOneKurusPerMonth() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InstallmentSchedule.plan(new BigDecimal("0.11"), 12, DISBURSED));
    }
}
