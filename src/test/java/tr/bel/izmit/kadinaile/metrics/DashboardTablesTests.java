package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineReportSection;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics.Bucket;

/**
 * The dashboard's tables without a database: a report section contributed later (here a stand-in of the
 * producers' record) needs no dashboard change (numbers become one table, each map a bar chart with its table);
 * the violence line's suppressed counts stay "<5"; the CSV is what Excel in Turkish reads; percentiles and
 * outcome kinds follow their rules.
 */
class DashboardTablesTests {

    /** Shaped like the producers' section the other branch contributes. */
    record ProducerFigures(long applications, long applicationsFromIzmit, long shopsOpened, Map<String, Long> standsByLocation) {
    }

    private final DashboardTables tables = new DashboardTables(new ObjectMapper());

    @Test
    void shouldLayOutAContributedSectionGenerically() {
        Map<String, Long> stands = new LinkedHashMap<>();
        stands.put("Sanat Sokağı", 181L);
        stands.put("Anıtpark", 161L);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("producers", new ProducerFigures(525, 363, 151, stands));

        List<DashboardTables.Table> all = tables.tables(view(sections));

        DashboardTables.Table figures = all.stream().filter(t -> t.id().equals("bolum-producers")).findFirst().orElseThrow();
        assertThat(figures.title()).isEqualTo("Üreticiler (İzmit Çarşısı ve stantlar)");
        assertThat(figures.chart()).isNull();
        assertThat(figures.rows()).containsExactly(List.of("Başvuru (adet)", 525L), List.of("İzmit'ten başvuru (adet)", 363L),
            List.of("Açılan dükkân (adet)", 151L));
        DashboardTables.Table chart = all.stream().filter(t -> t.id().equals("bolum-producers-standsByLocation")).findFirst()
            .orElseThrow();
        assertThat(chart.chart()).isEqualTo("bar");
        assertThat(chart.title()).isEqualTo("Üreticiler (İzmit Çarşısı ve stantlar) — Yerlere göre stant (üretici sayısı)");
        assertThat(chart.rows()).containsExactly(List.of("Sanat Sokağı", 181L), List.of("Anıtpark", 161L));
    }

    @Test
    void shouldKeepSuppressedViolenceLineCountsSuppressedInTheTableAndTheCsv() {
        DashboardTables.Table violence = tables.tables(view(Map.of())).stream().filter(t -> t.id().equals("siddet-hatti"))
            .findFirst().orElseThrow();

        assertThat(violence.chart()).isNull();
        assertThat(violence.rows()).contains(List.of("Açık görev", 12), List.of("15 dakikada verilemeyen acil müdahale", "<5"),
            List.of("Vaka, risk düzeyi: Kritik", "<5"), List.of("Kapanan vaka", 0));
        assertThat(new String(DashboardTables.csv(violence), StandardCharsets.UTF_8))
            .contains("15 dakikada verilemeyen acil müdahale;<5\r\n").doesNotContain(";3\r\n");
    }

    @Test
    void shouldWriteCsvForExcelInTurkish() {
        DashboardTables.Table table = new DashboardTables.Table("t", "T", List.of("Ad; soyad", "Tutar"),
            List.of(List.of("Çiğdem \"Şule\"", new BigDecimal("1500.50"))), null);

        assertThat(new String(DashboardTables.csv(table), StandardCharsets.UTF_8))
            .isEqualTo("\uFEFF\"Ad; soyad\";Tutar\r\n\"Çiğdem \"\"Şule\"\"\";1500,50\r\n");
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        assertThat(Dashboard.percentile(List.of(), 50)).isNull();
        assertThat(Dashboard.percentile(List.of(7L), 90)).isEqualTo(7L);
        assertThat(Dashboard.percentile(List.of(0L, 24L, 48L, 264L), 50)).isEqualTo(24L);
        assertThat(Dashboard.percentile(List.of(0L, 24L, 48L, 264L), 90)).isEqualTo(264L);
        assertThat(Dashboard.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
    }

    @Test
    void shouldReadTheOutcomeFromTheEndEventId() {
        assertThat(OutcomeKind.of("EndEvent_ApplicationRejected")).isEqualTo(OutcomeKind.REJECTED);
        assertThat(OutcomeKind.of("EndEvent_LoanRepaid")).isEqualTo(OutcomeKind.APPROVED);
        assertThat(OutcomeKind.of("EndEvent_ShopOpened")).isEqualTo(OutcomeKind.APPROVED);
        assertThat(OutcomeKind.of("SubProcess_WithdrawnByApplicant")).isEqualTo(OutcomeKind.WITHDRAWN);
        assertThat(OutcomeKind.of("EndEvent_ApplicationIneligible")).isEqualTo(OutcomeKind.OTHER);
        assertThat(OutcomeKind.of("EndEvent_CertificateIssued")).isEqualTo(OutcomeKind.APPROVED);
        assertThat(OutcomeKind.of("EndEvent_ProducerVerified")).isEqualTo(OutcomeKind.APPROVED);
        assertThat(OutcomeKind.of("EndEvent_StandHeld")).isEqualTo(OutcomeKind.APPROVED);
        assertThat(OutcomeKind.of("EndEvent_FoodSafetyFailed")).isEqualTo(OutcomeKind.REJECTED);
        assertThat(OutcomeKind.of("EndEvent_NotPlaced")).isEqualTo(OutcomeKind.OTHER);
        assertThat(OutcomeKind.of(null)).isEqualTo(OutcomeKind.OTHER);
    }

    /**
     * A dashboard with the violence line's section (its table is the capability's own) and the given sections as
     * contributed later (laid out generically).
     */
    private static Dashboard.View view(Map<String, Object> sections) {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        List<Bucket> risk = List.of(Bucket.of("CRITICAL", 2), Bucket.of("HIGH", 0), Bucket.of("MEDIUM", 5), Bucket.of("LOW", 9));
        ViolenceLineStatistics.Report statistics = new ViolenceLineStatistics.Report(from, to, risk, List.of(Bucket.of("SONIM", 6)),
            List.of(), 5, risk, Bucket.of("CLOSED", 0));
        ViolenceLineReportSection.DashboardFigures violence = new ViolenceLineReportSection.DashboardFigures(
            Bucket.of("openTasks", 12), Bucket.of("pastDueTasks", 7), Bucket.of("emergencyResponseLate", 3),
            Bucket.of("referralSlaBreached", 5), Bucket.of("openIncidents", 0), statistics, 5);
        List<ActivityReport.Part> parts = new java.util.ArrayList<>();
        sections.forEach((name, figures) -> parts.add(new ActivityReport.Part(contributed(name), figures)));
        parts.add(new ActivityReport.Part(new ViolenceLineReportSection(null, null), violence));
        return new Dashboard.View(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to), Instant.EPOCH, List.of(), List.of(),
            List.of(), parts);
    }

    /** A section as a capability contributes it, with no table of its own. */
    private static ReportSection contributed(String name) {
        return new ReportSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object figures(LocalDate from, LocalDate to) {
                throw new UnsupportedOperationException("the view holds the figures");
            }
        };
    }
}
