package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditCaseActions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;

/**
 * The dashboard API after a known mix of microcredit applications and violence-line calls went through the real
 * processes with the engine's clock moved to March 2019, on a database of its own (no demo cases): every figure
 * asserted exactly. Also who may see it, through every door (HTTP Basic API, the issue's report path, the pages
 * behind the web apps' login), and that violence-line counts below five never show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=false", "app.test.context=dashboard"})
@ActiveProfiles("test")
class DashboardTests {

    private static final String MARCH = "period=custom&from=2019-03-01&to=2019-03-31";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MicrocreditCaseActions caseActions;

    private static boolean scenarioDone;

    @BeforeEach
    void setUp() {
        DashboardTestSupport.users(identityService);
        if (!scenarioDone) {
            new DashboardTestSupport(runtimeService, taskService, managementService, identityService).march2019(caseActions);
            scenarioDone = true;
        }
        // "now" for the ages of open tasks
        DashboardTestSupport.at(2019, 4, 2, 10, 0);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldCountEveryProcessFigureOfTheMonthExactly() {
        JsonNode body = dashboard(MARCH);

        assertThat(body.path("period").path("from").asText()).isEqualTo("2019-03-01");
        assertThat(body.path("period").path("to").asText()).isEqualTo("2019-03-31");
        // every deployed process but the violence line; only microcredit has cases in this mix
        assertThat(body.path("processes")).extracting(p -> p.path("processKey").asText())
            .contains(MicrocreditProcess.KEY).doesNotContain(ViolenceLineProcess.KEY).doesNotHaveDuplicates();
        assertThat(body.path("processes")).filteredOn(p -> !p.path("processKey").asText().equals(MicrocreditProcess.KEY))
            .allSatisfy(p -> assertThat(p.path("started").asLong()).isZero());
        JsonNode microcredit = DashboardTestSupport.microcreditOf(body);
        assertThat(microcredit.path("name").asText()).isEqualTo("İZGİM Faizsiz Mikrokredi Başvurusu");
        assertThat(microcredit.path("started").asLong()).isEqualTo(5);
        assertThat(microcredit.path("inProgress").asLong()).isEqualTo(2);
        assertThat(microcredit.path("completed").asLong()).isEqualTo(4);
        assertThat(microcredit.path("outcomes")).extracting(o -> o.path("endEventId").asText() + "|" + o.path("name").asText()
                + "|" + o.path("kind").asText() + "|" + o.path("count").asLong())
            .containsExactly(
                "EndEvent_ApplicationRejected|Başvuru reddedildi|REJECTED|2",
                "EndEvent_ApplicationIneligible|Başvuru uygun değil|OTHER|1",
                // the withdrawal ends the instance in its event subprocess: the engine records the subprocess
                "SubProcess_WithdrawnByApplicant|Başvuran geri çekti|WITHDRAWN|1");
        assertThat(microcredit.path("approved").asLong()).isEqualTo(1);
        assertThat(microcredit.path("rejected").asLong()).isEqualTo(2);
        assertThat(microcredit.path("approvalRatePercent").decimalValue()).isEqualByComparingTo("33.3");
        // cycle times 0 h (ineligible), 24 h (withdrawn), 48 h and 264 h (rejected)
        assertThat(microcredit.path("medianCycleTimeHours").decimalValue()).isEqualByComparingTo("24.0");
        assertThat(microcredit.path("p90CycleTimeHours").decimalValue()).isEqualByComparingTo("264.0");
        assertThat(microcredit.path("weeklyTrend")).extracting(w -> w.path("weekStart").asText() + ":"
                + w.path("started").asLong() + "/" + w.path("completed").asLong())
            .containsExactly("2019-02-25:0/0", "2019-03-04:2/2", "2019-03-11:2/2", "2019-03-18:1/0", "2019-03-25:0/0");
    }

    @Test
    void shouldShowOpenWorkPerGroupWithoutTheViolenceLineAndTheMicrocreditAmounts() {
        JsonNode body = dashboard(MARCH);

        // the document checks of 18 March (past due since the 21st) and of 1 April; no violence-line group
        assertThat(body.path("work")).extracting(g -> g.path("groupId").asText() + "|" + g.path("groupName").asText() + "|"
                + g.path("openTasks").asLong() + "|" + g.path("oldestAgeDays").decimalValue().toPlainString() + "|"
                + g.path("pastDue").asLong())
            .containsExactly("izgim-officers|İZGİM Memurları|2|15.0|1");
        // (other services' groups have no open work in this mix)
        assertThat(body.path("incidents")).extracting(i -> i.path("processKey").asText() + "|" + i.path("openIncidents").asLong())
            .containsExactly(MicrocreditProcess.KEY + "|1");

        JsonNode amounts = body.path("microcredit");
        assertThat(amounts.path("applications").asLong()).isEqualTo(5);
        assertThat(amounts.path("amountRequested").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(amounts.path("amountApproved").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(amounts.path("amountDisbursed").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(amounts.path("repaidAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(amounts.path("overdueAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(amounts.path("activeLoans").asLong()).isEqualTo(1);
        // every section is either contributed by its capability or listed as not yet available (the courses' and the
        // producers' sections and İZGİM's two (counselling; library and seminars) are contributed by their capabilities;
        // microcredit and the violence line have fields of their own)
        List<String> sections = new java.util.ArrayList<>();
        body.path("sections").fieldNames().forEachRemaining(sections::add);
        body.path("notYetAvailable").forEach(name -> sections.add(name.asText()));
        assertThat(sections).containsExactlyInAnyOrder("courses", "producers", "izgimCounselling", "izgimLibrary");
    }

    @Test
    void shouldShowViolenceLineFiguresOnlyAsCountsOfFiveOrMore() {
        JsonNode violence = dashboard(MARCH).path("violenceLine");

        assertThat(violence.path("suppressBelow").asInt()).isEqualTo(5);
        // 5 referrals to make, 5 SLA escalations, the emergency response and its escalation: all past due by April
        assertBucket(violence.path("openTasks"), 12);
        assertBucket(violence.path("pastDueTasks"), 12);
        assertBucket(violence.path("referralSlaBreached"), 5);
        assertSuppressed(violence.path("emergencyResponseLate"));
        assertBucket(violence.path("openIncidents"), 0);
        JsonNode statistics = violence.path("statistics");
        assertBucket(find(statistics.path("casesByRiskLevel"), "MEDIUM"), 5);
        assertSuppressed(find(statistics.path("casesByRiskLevel"), "CRITICAL"));
        assertBucket(find(statistics.path("referralsByType"), "SONIM"), 5);
        assertSuppressed(find(statistics.path("referralsByType"), "POLICE"));
        assertBucket(find(statistics.path("referralsByRiskLevel"), "MEDIUM"), 5);
        assertSuppressed(find(statistics.path("referralsByRiskLevel"), "CRITICAL"));
        assertBucket(statistics.path("casesClosed"), 0);

        // nothing in the whole answer is a count between 1 and 4 of the violence line, nor anything about a case
        String json = violence.toString();
        assertThat(json).doesNotContain("\"count\":1,", "\"count\":2,", "\"count\":3,", "\"count\":4,")
            .doesNotContain("SH-", "caseId", "processInstanceId");
        assertThat(dashboard(MARCH).path("processes").toString()).doesNotContain(ViolenceLineProcess.KEY);
    }

    @Test
    void shouldReportTheViolenceLineInTheIssuesShapeAtTheIssuesPath() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity("/api/reports/activity?from=2019-03-01&to=2019-03-31", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode violence = response.getBody().path("violenceLine");
        assertBucket(find(violence.path("referralsByRiskLevel"), "MEDIUM"), 5);
        assertSuppressed(find(violence.path("referralsByRiskLevel"), "CRITICAL"));
        assertBucket(find(violence.path("referralsByType"), "SONIM"), 5);
        assertBucket(violence.path("casesClosed"), 0);
        assertBucket(find(violence.path("casesByRiskLevel"), "MEDIUM"), 5);
        assertThat(response.getBody().path("microcredit").path("applications").asLong()).isEqualTo(5);
        assertThat(response.getBody().path("microcredit").path("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void shouldDownloadEveryTableAsCsvForExcel() {
        ResponseEntity<byte[]> response = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "/csv?table=surecler&" + MARCH, byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("surecler-2019-03-01-2019-03-31.csv");
        byte[] bytes = response.getBody();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("Süreç;Başlatılan (adet);Devam eden (adet);Tamamlanan (adet);Onay oranı (%);Ortanca süre (saat);%90 süre (saat)");
        assertThat(lines).contains("İZGİM Faizsiz Mikrokredi Başvurusu;5;2;4;33,3;24,0;264,0")
            .hasSize(dashboard(MARCH).path("processes").size() + 1);

        String violence = new String(rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "/csv?table=siddet-hatti&" + MARCH, byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(violence).contains("15 dakikada verilemeyen acil müdahale;<5").contains("Vaka, risk düzeyi: Orta;5");

        ResponseEntity<String> unknown = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "/csv?table=yok&" + MARCH, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseEveryoneButManagersThroughEveryDoor() {
        for (String path : List.of(DashboardController.PATH + "?" + MARCH, DashboardController.PATH + "/tables?" + MARCH,
                DashboardController.PATH + "/csv?table=surecler&" + MARCH, "/api/reports/activity?from=2019-03-01&to=2019-03-31")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<String> officer = rest.withBasicAuth(DashboardTestSupport.OFFICER, DashboardTestSupport.PASSWORD)
                .getForEntity(path, String.class);
            assertThat(officer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(officer.getBody()).as(path).doesNotContain("microcredit", "Mikrokredi");
            assertThat(rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD).getForEntity(path, String.class)
                .getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void shouldRejectAWrongPeriodNamingTheField() {
        ResponseEntity<JsonNode> wrongKind = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "?period=decade", JsonNode.class);
        ResponseEntity<JsonNode> customWithoutDates = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "?period=custom", JsonNode.class);

        assertThat(wrongKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongKind.getBody().path("errors").get(0).path("field").asText()).isEqualTo("period");
        assertThat(customWithoutDates.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(customWithoutDates.getBody().path("errors")).extracting(e -> e.path("field").asText())
            .containsExactly("from", "to");
    }

    @Test
    void shouldTakeThisWeekMonthAndYearUpToToday() {
        // today is Tuesday 2 April 2019
        assertThat(dashboard("period=week").path("period").path("from").asText()).isEqualTo("2019-04-01");
        assertThat(dashboard("period=month").path("period").path("from").asText()).isEqualTo("2019-04-01");
        JsonNode year = dashboard("period=year");
        assertThat(year.path("period").path("from").asText()).isEqualTo("2019-01-01");
        assertThat(year.path("period").path("to").asText()).isEqualTo("2019-04-02");
        assertThat(DashboardTestSupport.microcreditOf(year).path("started").asLong()).isEqualTo(7);
        assertThat(DashboardTestSupport.microcreditOf(dashboard("period=week")).path("started").asLong()).isEqualTo(1);
    }

    @Test
    void shouldServeThePagesOnlyToManagersLoggedInToTheWebApps() {
        ResponseEntity<String> anonymous = rest.getForEntity("/yonetim", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).contains("Oturum açmanız gerekiyor").contains("/camunda/app/welcome/default/");
        assertThat(anonymous.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(rest.getForEntity("/yonetim/csv?tablo=surecler", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/yonetim/veri", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // HTTP Basic is not a door to the pages: only the web apps' session is
        assertThat(rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD).getForEntity("/yonetim", String.class)
            .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String officer = DashboardTestSupport.logIn(rest, DashboardTestSupport.OFFICER);
        ResponseEntity<String> forbidden = DashboardTestSupport.get(rest, officer, "/yonetim", String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getBody()).contains("Yetkiniz yok").doesNotContain("Mikrokredi");
        assertThat(DashboardTestSupport.get(rest, officer, "/yonetim/rapor", String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        String manager = DashboardTestSupport.logIn(rest, DashboardTestSupport.MANAGER);
        ResponseEntity<String> page = DashboardTestSupport.get(rest, manager, "/yonetim?" + MARCH, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.getBody()).contains("Yönetim paneli", "01.03.2019 – 31.03.2019", "İZGİM Faizsiz Mikrokredi Başvurusu",
            "Başvuru reddedildi", "İZGİM Memurları", "/webjars/echarts/5.3.1/dist/echarts.min.js", "CSV indir")
            .doesNotContain("<script>", "onclick=", "style=\"");
        ResponseEntity<byte[]> csv = DashboardTestSupport.get(rest, manager, "/yonetim/csv?tablo=isler&" + MARCH, byte[].class);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).isEqualTo(
            "\uFEFFGrup;Açık görev (adet);En eski görevin yaşı (gün);Süresi geçen (adet)\r\nİZGİM Memurları;2;15,0;1\r\n");
        ResponseEntity<String> report = DashboardTestSupport.get(rest, manager, "/yonetim/rapor?from=2019-03-01&to=2019-03-31", String.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).contains("faaliyet raporu", "01.03.2019 – 31.03.2019", "Talep edilen tutar (TL)", "10.000,00",
            "İZMEK kursları", "&lt;5");
        ResponseEntity<byte[]> pdf = DashboardTestSupport.get(rest, manager, "/yonetim/rapor.pdf?from=2019-03-01&to=2019-03-31", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdfText(pdf.getBody())).contains("faaliyet raporu", "01.03.2019 – 31.03.2019", "Talep edilen tutar (TL)",
            "10.000,00", "Şiddet Acil Yardım Hattı", "İZMEK kursları").doesNotContain("#");
        assertThat(DashboardTestSupport.get(rest, officer, "/yonetim/rapor.pdf?from=2019-03-01&to=2019-03-31", String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> badReport = DashboardTestSupport.get(rest, manager, "/yonetim/rapor?from=2019-03-31&to=2019-03-01", String.class);
        assertThat(badReport.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReport.getBody()).contains("Bitiş tarihi başlangıç tarihinden önce olamaz.");
    }

    @Test
    void shouldOpenWithTheHeadlinesAndTheirChangeFromThePreviousPeriodOfTheSameLength() {
        JsonNode summary = dashboard(MARCH).path("summary");

        // 31 days of March against the 31 days before: 29 January – 28 February
        assertThat(summary.path("comparedWith").path("from").asText()).isEqualTo("2019-01-29");
        assertThat(summary.path("comparedWith").path("to").asText()).isEqualTo("2019-02-28");
        assertThat(summary.path("comparison").asText()).isEqualTo("önceki 31 güne göre (29.01.2019 – 28.02.2019)");
        // five applications in March, one (the manager's rejection) started on 25 February
        assertHeadline(headline(summary, "basvurular"), "5", "adet", "1", "400");
        // four finished in March, none in February: no percentage of nothing
        assertHeadline(headline(summary, "sonuclanan"), "4", "adet", "0", null);
        // 1 disbursed of 3 decided in March, nothing decided in February: a rate against no rate
        assertHeadline(headline(summary, "onay-orani"), "33.3", "%", null, null);
        // 0, 24, 48 and 264 hours: the median is one day; nothing finished in February
        assertHeadline(headline(summary, "ortanca-sure"), "1.0", "gün", null, null);
        JsonNode open = headline(summary, "acik-gorevler");
        assertThat(open.path("comparable").asBoolean()).isFalse();
        assertThat(open.path("unit").asText()).isEqualTo("COUNT");

        // the alerts: the document check past due, the test incident, the violence line's SLA breaches (its own counts)
        assertThat(summary.path("alerts")).extracting(a -> a.path("id").asText() + "|" + a.path("count").asText())
            .containsExactly("gecikmis-gorevler|1", "siddet-hatti-acil|<5", "siddet-hatti-sla|5", "siddet-hatti-gecikmis|12",
                "olaylar|1");
    }

    @Test
    void shouldShowADashInsteadOfARateWhenNothingFinished() {
        // 13–17 March: nothing started or finished; 8–12 March before it: two started (one from Gebze, ineligible at
        // once), three finished (the manager's rejection, the ineligible one, the withdrawal), one rejected
        JsonNode summary = dashboard("period=custom&from=2019-03-13&to=2019-03-17").path("summary");

        assertThat(summary.path("comparison").asText()).isEqualTo("önceki 5 güne göre (08.03.2019 – 12.03.2019)");
        assertHeadline(headline(summary, "basvurular"), "0", "adet", "2", "-100");
        assertHeadline(headline(summary, "sonuclanan"), "0", "adet", "3", "-100");
        assertHeadline(headline(summary, "onay-orani"), null, "%", "0.0", null);
        // 264 hours (the manager's rejection), 0 (the ineligible one), 24 (the withdrawal): the median is one day
        assertHeadline(headline(summary, "ortanca-sure"), null, "gün", "1.0", null);

        String page = DashboardTestSupport.get(rest, DashboardTestSupport.logIn(rest, DashboardTestSupport.MANAGER),
            "/yonetim?period=custom&from=2019-03-13&to=2019-03-17", String.class).getBody();
        assertThat(headlineText(page, "onay-orani")).contains("Onay oranı", "—", "karşılaştırılamaz", "Önceki dönem: 0 %");
        assertThat(headlineText(page, "ortanca-sure")).contains("—", "Önceki dönem: 1 gün");
        assertThat(headlineText(page, "basvurular")).contains("0 adet", "▼", "−100 % azalış", "Önceki dönem: 2 adet");
    }

    @Test
    void shouldCompareThisMonthWeekAndYearWithTheSameDaysBeforeOnTheFixedClock() {
        // today is Tuesday 2 April 2019, 10:00 (the engine's clock)
        JsonNode month = dashboard("period=month").path("summary");
        assertThat(month.path("comparison").asText()).isEqualTo("geçen ayın aynı günlerine göre (01.03.2019 – 02.03.2019)");
        // one application at 00:30 on 1 April, none on 1–2 March
        assertHeadline(headline(month, "basvurular"), "1", "adet", "0", null);
        JsonNode week = dashboard("period=week").path("summary");
        assertThat(week.path("comparison").asText()).isEqualTo("geçen haftanın aynı günlerine göre (25.03.2019 – 26.03.2019)");
        JsonNode year = dashboard("period=year").path("summary");
        assertThat(year.path("comparison").asText()).isEqualTo("geçen yılın aynı dönemine göre (01.01.2018 – 02.04.2018)");
        assertHeadline(headline(year, "basvurular"), "7", "adet", "0", null);
    }

    @Test
    void shouldShowTheManagerTheTopOfTheDashboardInHerWebAppSessionAndNobodyElse() {
        String manager = DashboardTestSupport.logIn(rest, DashboardTestSupport.MANAGER);
        ResponseEntity<String> page = DashboardTestSupport.get(rest, manager, "/yonetim?" + MARCH, String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = page.getBody();
        assertThat(body.indexOf("Öne çıkanlar")).isPositive().isLessThan(body.indexOf("Uyarılar"));
        assertThat(body.indexOf("Uyarılar")).isLessThan(body.indexOf("id=\"surecler\""));
        assertThat(body).contains("Değişimler önceki 31 güne göre (29.01.2019 – 28.02.2019) hesaplanır.");
        assertThat(headlineText(body, "basvurular")).contains("Başvurular", "5 adet", "▲", "+400 % artış", "Önceki dönem: 1 adet");
        assertThat(headlineText(body, "sonuclanan")).contains("4 adet", "▲", "önceki dönemde 0 adet; artış");
        assertThat(headlineText(body, "onay-orani")).contains("33,3 %", "karşılaştırılamaz", "Önceki dönem: —");
        assertThat(headlineText(body, "ortanca-sure")).contains("1 gün");
        assertThat(alertText(body, "gecikmis-gorevler")).contains("Süresi geçmiş görevler", "1 adet", "İZGİM Memurları: 1");
        assertThat(alertText(body, "siddet-hatti-acil")).contains("15 dakikada verilemeyen acil müdahale", "&lt;5 adet");
        assertThat(alertText(body, "siddet-hatti-sla")).contains("5 adet");
        assertThat(alertText(body, "olaylar")).contains("Açık olaylar", "1 adet", "İZGİM Faizsiz Mikrokredi Başvurusu: 1");
        // units on the tables' figures too
        assertThat(body).contains("Başlatılan (adet)", "Ortanca süre (saat)", "Onay oranı (%)", "En eski görevin yaşı (gün)");

        String officer = DashboardTestSupport.logIn(rest, DashboardTestSupport.OFFICER);
        ResponseEntity<String> refused = DashboardTestSupport.get(rest, officer, "/yonetim?" + MARCH, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("Öne çıkanlar", "Başvurular", "Uyarılar");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode headline(JsonNode summary, String id) {
        for (JsonNode headline : summary.path("headlines")) {
            if (headline.path("id").asText().equals(id)) {
                return headline;
            }
        }
        throw new AssertionError("no headline " + id + " in " + summary);
    }

    private static void assertHeadline(JsonNode headline, String value, String unit, String previous, String change) {
        assertThat(headline.path("value").isNull() ? null : headline.path("value").decimalValue().toPlainString())
            .as(headline.toString()).isEqualTo(value);
        assertThat(headline.path("valueText").asText()).as(headline.toString()).endsWith(value == null ? "—" : unit);
        assertThat(headline.path("previous").isNull() ? null : headline.path("previous").decimalValue().toPlainString())
            .as(headline.toString()).isEqualTo(previous);
        assertThat(headline.path("change").isNull() ? null : headline.path("change").decimalValue().toPlainString())
            .as(headline.toString()).isEqualTo(change);
    }

    /** The text of one headline's list item on the page. */
    private static String headlineText(String page, String id) {
        return item(page, "data-headline=\"" + id + "\"");
    }

    private static String alertText(String page, String id) {
        return item(page, "data-alert=\"" + id + "\"");
    }

    private static String item(String page, String marker) {
        int start = page.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        return page.substring(start, page.indexOf("</li>", start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private JsonNode dashboard(String query) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "?" + query, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode find(JsonNode buckets, String key) {
        for (JsonNode bucket : buckets) {
            if (bucket.path("key").asText().equals(key)) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket " + key + " in " + buckets);
    }

    private static void assertBucket(JsonNode bucket, int count) {
        assertThat(bucket.path("suppressed").asBoolean()).as(bucket.toString()).isFalse();
        assertThat(bucket.path("count").asInt()).as(bucket.toString()).isEqualTo(count);
    }

    private static void assertSuppressed(JsonNode bucket) {
        assertThat(bucket.path("suppressed").asBoolean()).as(bucket.toString()).isTrue();
        assertThat(bucket.path("count").isNull()).as(bucket.toString()).isTrue();
    }
}
