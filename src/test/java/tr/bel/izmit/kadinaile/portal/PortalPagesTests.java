package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.courses.Course;
import tr.bel.izmit.kadinaile.courses.CourseCentreRepository;
import tr.bel.izmit.kadinaile.courses.CourseRepository;
import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.courses.InstructorRepository;
import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormSchema;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * The portal's HTML pages over real HTTP: the list of services, the start form generated from the form file,
 * CSRF protection, submitting (valid and invalid), the confirmation and the status page, and escaping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S",
    "app.portal.rate-limit.withdrawal-capacity=1000"})
@ActiveProfiles("test")
class PortalPagesTests {

    static final String MICROCREDIT = "microcredit-application";
    static final String VALID_IBAN = "TR330006100519786457841326";
    static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    static final Pattern LOCATION = Pattern.compile("/basvuru/" + MICROCREDIT + "/tamam\\?kod=(MK-[0-9A-Z]{4}-[0-9A-Z]{4})$");

    @LocalServerPort
    int port;
    @Autowired
    PortalCatalog catalog;
    @Autowired
    PortalApplications applications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;
    @Autowired
    ManagementService managementService;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void shouldListEveryServiceWithWhatToHaveAtHand() throws Exception {
        HttpResponse<String> page = get("/basvuru", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"tr\"");
        assertThat(catalog.all()).hasSize(5);
        for (PortalProcess process : catalog.all()) {
            assertThat(page.body()).contains(escape(process.title()), escape(process.summary()));
            process.haveAtHand().forEach(item -> assertThat(page.body()).contains(escape(item)));
        }
        assertThat(page.body()).contains("href=\"/basvuru/" + MICROCREDIT + "\"");
        assertThat(count(page.body(), "Çevrim içi başvuru yakında açılacak"))
            .isEqualTo(catalog.all().stream().filter(p -> !p.isOpen()).count());
        assertThat(page.body()).contains("href=\"/basvuru/kvkk\"", "href=\"/basvuru/durum\"");
    }

    @Test
    void shouldRenderEveryInputOfTheStartFormWithRequiredMarksAndTheKvkkLink() throws Exception {
        HttpResponse<String> page = get("/basvuru/" + MICROCREDIT, null);
        String html = page.body();

        assertThat(page.statusCode()).isEqualTo(200);
        FormSchema form = applications.form(MICROCREDIT);
        assertThat(form.inputKeys()).isNotEmpty();
        for (FormField field : form.topLevelFields()) {
            if (field.readonly() || field.disabled()) {
                assertThat(html).as("read-only %s", field.key()).doesNotContain("name=\"" + field.key() + "\"");
                continue;
            }
            assertThat(html).as("input %s", field.key()).contains("name=\"" + field.key() + "\"");
            assertThat(html).as("label %s", field.key()).contains(escape(field.label()));
            assertThat(html.contains("data-for=\"" + field.key() + "\"")).as("required mark of %s", field.key())
                .isEqualTo(field.required());
            String input = firstTag(html, field.key());
            if (field.required() && field.hideConditions().isEmpty()) {
                assertThat(input).as("required attribute of %s", field.key()).contains("required");
            }
            if (field.maxLength() != null) {
                assertThat(input).contains("maxlength=\"" + field.maxLength() + "\"");
            }
            if (field.min() != null) {
                assertThat(input).contains("min=\"" + field.min().toPlainString() + "\"");
            }
            if (field.pattern() != null) {
                assertThat(input).contains("pattern=\"" + escape(field.pattern()) + "\"");
            }
            // every input has a label bound to it
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(input);
            assertThat(id.find()).isTrue();
            assertThat(html).contains("for=\"" + id.group(1) + "\"");
        }
        assertThat(html).contains("href=\"/basvuru/kvkk\"", "<html lang=\"tr\"", "name=\"_csrf\"");
        assertThat(html).doesNotContain("<script>").contains("data-hide-key=\"izgimMember\"")
            .doesNotContain("aria-invalid", "hata-ozeti", "data-hide-key=\"\"", "=\"null\"");
        assertThat(page.headers().firstValue("Set-Cookie").orElse(""))
            .contains("PORTAL_CSRF=", "HttpOnly", "SameSite=Strict", "Path=/basvuru");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    @Test
    void shouldRenderTheMarkdownOfTextComponentsSafely() {
        String html = PortalMarkdown.toHtml("# Başlık\n\nİlk **kalın** ve *eğik* satır\nikinci satır <script>x</script>\n\n"
            + "- bir\n- [bağlantı](javascript:alert(1))", 1);

        assertThat(html).isEqualTo("<h2>Başlık</h2>\n<p>İlk <strong>kalın</strong> ve <em>eğik</em> satır ikinci satır "
            + "&lt;script&gt;x&lt;/script&gt;</p>\n<ul><li>bir</li><li>[bağlantı](javascript:alert(1))</li></ul>");
    }

    @Test
    void shouldAnswer404ForAServiceThatCannotBeAppliedForOnline() throws Exception {
        for (String key : List.of("violence-line-referral", "no-such-process")) {
            HttpResponse<String> page = get("/basvuru/" + key, null);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("Sayfa bulunamadı");
        }
    }

    @Test
    void shouldRefuseAPostWithoutTheCsrfTokenAndStartNothing() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().count();

        HttpResponse<String> withoutAnything = post("/basvuru/" + MICROCREDIT, null, validValues());
        Session session = openForm();
        Map<String, String> wrongToken = validValues();
        wrongToken.put("_csrf", "A".repeat(43));
        HttpResponse<String> withWrongToken = post("/basvuru/" + MICROCREDIT, session.cookie, wrongToken);
        Map<String, String> tokenWithoutCookie = validValues();
        tokenWithoutCookie.put("_csrf", session.token);
        HttpResponse<String> withoutCookie = post("/basvuru/" + MICROCREDIT, null, tokenWithoutCookie);

        for (HttpResponse<String> refused : List.of(withoutAnything, withWrongToken, withoutCookie)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Form doğrulanamadı", "lang=\"tr\"");
        }
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void shouldStartExactlyOneApplicationAndShowTheTrackingCode() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count();

        String code = submitValid(validValues());

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count()).isEqualTo(before + 1);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), "requestedAmount")).isEqualTo(3000L);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("_csrf");

        HttpResponse<String> confirmation = get("/basvuru/" + MICROCREDIT + "/tamam?kod=" + code, null);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains(code, "class=\"tracking-code\"", escape(catalog.find(MICROCREDIT).get().nextSteps()),
            "href=\"/basvuru/durum\"");
        assertThat(confirmation.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(confirmation.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");
    }

    @Test
    void shouldTypeTheEntriesAsTasklistWouldSubmitThem() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        validValues().forEach((key, value) -> parameters.put(key, List.of(value)));
        parameters.put("_csrf", List.of("token"));
        parameters.put("somethingElse", List.of("x"));
        parameters.remove("kvkkConsent");

        Map<String, Object> values = PortalFormBinder.bind(applications.form(MICROCREDIT), parameters);

        assertThat(values).containsEntry("requestedAmount", 3000L).containsEntry("termMonths", "10")
            .containsEntry("kvkkConsent", false).containsEntry("district", "IZMIT")
            .doesNotContainKeys("_csrf", "somethingElse", "email", "memberSince");
        FormField amount = applications.form(MICROCREDIT).field("requestedAmount").orElseThrow();
        assertThat(PortalFormBinder.number(amount, "2500,5")).isEqualTo(2500.5);
        assertThat(PortalFormBinder.number(amount, "iki bin")).isEqualTo("iki bin");
    }

    @Test
    void shouldShowTheTurkishMessageNextToAWrongFieldKeepTheEntriesAndStartNothing() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().count();
        Session session = openForm();
        Map<String, String> values = validValues();
        values.put("tcKimlikNo", "19000000089");
        values.put("_csrf", session.token);

        HttpResponse<String> page = post("/basvuru/" + MICROCREDIT, session.cookie, values);

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body();
        assertThat(html).containsPattern("id=\"f-tcKimlikNo-hata\"[^>]*>(<span[^>]*>[^<]*</span>)?T\\.C\\. Kimlik No geçerli değil\\.");
        assertThat(html).contains("href=\"#f-tcKimlikNo\"", "aria-invalid=\"true\"");
        assertThat(firstTag(html, "tcKimlikNo")).contains("aria-describedby=\"f-tcKimlikNo-yardim f-tcKimlikNo-hata\"",
            "value=\"19000000089\"");
        assertThat(firstTag(html, "fullName")).contains("value=\"Ayten Test Başvuran\"");
        assertThat(html).contains(">Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.</textarea>");
        assertThat(html).containsPattern("value=\"IZMIT\"[^>]*selected");
        assertThat(html).containsPattern("value=\"10\"[^>]*checked");
        assertThat(html).containsPattern("name=\"kvkkConsent\" value=\"true\"[^>]*checked");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void shouldShowMilestonesWithDatesButNoStaffNames() throws Exception {
        String code = submitValid(validValues());
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        Task check = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(check.getId(), "ayse.yilmaz");
        taskService.complete(check.getId(), Map.of("documentsDecision", "COMPLETE"));

        Session session = openStatus();
        HttpResponse<String> page = post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", code.toLowerCase()));

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        // the finished document check in the past tense (it read "Belgeleriniz inceleniyor" while it was open)
        assertThat(html).contains(code, "Başvurunuz alındı", "Belgeleriniz kontrol edildi", "İş planınız değerlendiriliyor",
            "Şu anda bu adımda").doesNotContain("Belgeleriniz inceleniyor");
        assertThat(html).containsPattern("<time datetime=\"[^\"]+\">\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}</time>");
        assertThat(html.toLowerCase()).doesNotContain("ayse", "yilmaz", "yılmaz");
        assertThat(html).doesNotContain("Ayten", "Kozluk", VALID_IBAN, "05321234567", "documentsDecision", "Task_");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void shouldOfferWithdrawalOnTheStatusPageWhileUnderReview() throws Exception {
        String code = submitValid(validValues());
        Session session = openStatus();
        HttpResponse<String> page = post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", code));
        assertThat(page.body()).contains("Başvurumu geri çek", "/basvuru/durum/geri-cek");

        HttpResponse<String> withoutToken = post("/basvuru/durum/geri-cek", session.cookie, Map.of("kod", code));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        // the refusal page (the portal's layout, rendered in the security chain) lets her leave at once and call for help
        assertThat(withoutToken.body()).contains("id=\"hizli-cikis\"", "Hızlı çıkış", "href=\"tel:183\"", "href=\"tel:155\"",
            "KADES", "/portal/portal.js");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

        HttpResponse<String> withdrawn = post("/basvuru/durum/geri-cek", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "onay", "evet"));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("Başvurunuz geri çekildi", "Başvurunuzu geri çektiniz").doesNotContain("Başvurumu geri çek");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

        HttpResponse<String> again = post("/basvuru/durum/geri-cek", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "onay", "evet"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("bu aşamada geri çekilemez");
    }

    @Test
    void shouldAnswer404WithTheSamePageForAnUnknownCode() throws Exception {
        Session session = openStatus();

        HttpResponse<String> unknown = post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", "MK-0000-0000"));
        HttpResponse<String> malformed = post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", "<b>x</b>"));

        for (HttpResponse<String> page : List.of(unknown, malformed)) {
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("Bu takip koduyla bir başvuru bulunamadı", "Başvurunuzun durumu", "name=\"kod\"")
                .doesNotContain("<b>x</b>");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        }
        HttpResponse<String> prefilled = get("/basvuru/durum?kod=MK-0000-0000", null);
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("value=\"MK-0000-0000\"");
    }

    @Test
    void shouldShowHtmlLikeInputEscapedAndStoreItAsText() throws Exception {
        String summary = "<script>alert(1)</script> Ev yapımı erişte ve tarhana satıyorum.";
        Map<String, String> invalid = validValues();
        invalid.put("businessSummary", summary);
        invalid.put("fullName", "<img src=x onerror=alert(2)>");
        invalid.put("iban", "TR330006100519786457841327");
        Session session = openForm();
        invalid.put("_csrf", session.token);

        HttpResponse<String> again = post("/basvuru/" + MICROCREDIT, session.cookie, invalid);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).doesNotContain("<script>alert(1)", "<img src=x")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");

        Map<String, String> valid = validValues();
        valid.put("businessSummary", summary);
        String code = submitValid(valid);
        assertThat(jdbc.queryForObject("select business_summary from mc_application where tracking_code = ?", String.class, code))
            .isEqualTo(summary);
        Session status = openStatus();
        List<HttpResponse<String>> pages = List.of(
            get("/basvuru/" + MICROCREDIT + "/tamam?kod=" + code, null),
            post("/basvuru/durum", status.cookie, Map.of("_csrf", status.token, "kod", code)));
        for (HttpResponse<String> page : pages) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<script>alert", "alert(1)");
        }
    }

    // ---------------------------------------------------------------- issue 22: status page, withdrawal, quick exit, links

    @Test
    void shouldWriteFinishedStepsInThePastTenseAndGreyTheStepsAhead() throws Exception {
        String code = submitValid(validValues());
        decisions().toCommittee(code);

        String html = status(code).body();

        assertThat(stepsOf(html, "done")).contains("Başvurunuz alındı", "Belgeleriniz kontrol edildi", "İş planınız değerlendirildi")
            .doesNotContain("Kredi komitesi değerlendiriyor");
        assertThat(stepsOf(html, "current")).containsExactly("Kredi komitesi değerlendiriyor");
        // the usual path ahead, greyed and in order; rejections and reminders are never announced
        assertThat(stepsOf(html, "ahead")).containsExactly("Krediniz hesabınıza gönderilecek", "Taksitlerle geri ödeme");
        assertThat(html).doesNotContain("kabul edilmedi", "Müdür onayı", "Müdür değerlendirmesi", "id=\"karar\"");
    }

    @Test
    void shouldStateTheApprovedLoanWithItsInstallmentsReadFromTheLoanTables() throws Exception {
        Map<String, String> values = validValues();
        values.put("requestedAmount", "3500");
        String code = submitValid(values);
        MicrocreditDecisions staff = decisions();
        staff.approve(code, 3500);

        String approved = status(code).body();
        assertThat(decisionOf(approved)).contains("Onaylandı — 3.500 TL, 10 × 350 TL", "taksit tarihleriniz belli olur");

        staff.disburse(code);
        String disbursed = status(code).body();
        Long applicationId = jdbc.queryForObject("select id from mc_application where tracking_code = ?", Long.class, code);
        java.time.LocalDate firstDue = jdbc.queryForObject("select i.due_date from mc_installment i join mc_loan l on l.id = i.loan_id "
            + "where l.application_id = ? and i.sequence_no = 1", java.time.LocalDate.class, applicationId);
        assertThat(decisionOf(disbursed)).contains("Onaylandı — 3.500 TL, 10 × 350 TL, ilk taksit "
            + tr.bel.izmit.kadinaile.common.TurkishFormats.DATE.format(firstDue), "Sıradaki taksit: 1. taksit, 350 TL");
        assertThat(disbursed).contains("class=\"decision decision--approved\"", "Krediniz hesabınıza gönderildi",
            "Taksit geri ödemesi sürüyor");
        // whom to ask, as links one taps
        assertThat(disbursed).contains("href=\"tel:02623181183\"", "0262 318 11 83", "İZGİM Kadın Girişimciliği Birimi");
        assertThat(disbursed).doesNotContain("Ayten", VALID_IBAN, "05321234567", "fatma", "hatice");
    }

    @Test
    void shouldStateARejectionPolitelyWithoutTheCommitteesWords() throws Exception {
        String code = submitValid(validValues());
        decisions().reject(code, "İş planı bu haliyle gerçekçi değil.");

        String html = status(code).body();

        assertThat(decisionOf(html)).contains("Başvurunuz bu kez olumlu sonuçlanmadı", "bizi arayabilir");
        assertThat(html).contains("class=\"decision decision--not-approved\"", "href=\"tel:02623181183\"")
            .doesNotContain("gerçekçi değil", "steps__item--ahead", "Başvurumu geri çek");
    }

    @Test
    void shouldAskForConfirmationBeforeWithdrawingWithoutJavaScript() throws Exception {
        String code = submitValid(validValues());
        Session session = openStatus();
        assertThat(status(code).body()).contains("data-confirm=\"Başvurunuzu geri çekmek istediğinize emin misiniz?",
            "data-confirmed-action=\"/basvuru/durum/geri-cek\"", "name=\"islem\" value=\"geri-cek\"");

        HttpResponse<String> asked = post("/basvuru/durum", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "islem", "geri-cek"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Başvurunuzu geri çekmek istiyor musunuz?", code, "type=\"checkbox\" id=\"onay\" name=\"onay\" value=\"evet\"",
            "name=\"adim\" value=\"onay\"", "Vazgeç, başvurumun durumuna dön");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

        HttpResponse<String> unticked = post("/basvuru/durum/geri-cek", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "adim", "onay"));
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("Hata: Başvurunuzu geri çekin", "kutusunu işaretleyin", "aria-invalid=\"true\"");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

        HttpResponse<String> confirmed = post("/basvuru/durum/geri-cek", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "adim", "onay", "onay", "evet"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Başvurunuz geri çekildi", "Başvurunuzu geri çektiniz", "decision--withdrawn");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

        HttpResponse<String> tooLate = post("/basvuru/durum", session.cookie,
            Map.of("_csrf", session.token, "kod", code, "islem", "geri-cek"));
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("bu aşamada geri çekilemez").doesNotContain("name=\"adim\"");
    }

    @Test
    void shouldOfferTheQuickExitAndTheHelplinesOnEveryPortalPage() throws Exception {
        String code = submitValid(validValues());
        List<HttpResponse<String>> pages = new ArrayList<>(List.of(get("/basvuru", null), get("/basvuru/" + MICROCREDIT, null),
            get("/basvuru/" + MICROCREDIT + "/tamam?kod=" + code, null), get("/basvuru/durum", null), get("/basvuru/kvkk", null),
            get("/basvuru/kurslar", null), get("/basvuru/sertifika", null), get("/basvuru/no-such-service", null)));
        pages.add(status(code));
        Session session = openStatus();
        pages.add(post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", code, "islem", "geri-cek")));

        for (HttpResponse<String> page : pages) {
            String html = page.body();
            assertThat(html).as(page.uri().toString())
                .containsPattern("<a class=\"quick-exit\" id=\"hizli-cikis\" href=\"https://www.google.com.tr/\" rel=\"noreferrer\"[^>]*>Hızlı çıkış</a>")
                .contains("href=\"tel:112\"", "href=\"tel:155\"", "href=\"tel:183\"", "ALO 183", "Sosyal Destek Hattı", "KADES")
                .contains("src=\"/portal/portal.js\"");
            // the quick exit comes first after the skip link: one Tab and Enter leave the site
            assertThat(html.indexOf("id=\"hizli-cikis\"")).isLessThan(html.indexOf("<main"));
            // what looks like a link is one: no portal address, web address or phone number outside a link
            String outsideLinks = html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<a\\b[^>]*>.*?</a>", "")
                .replaceAll("(?s)<[^>]*>", " ");
            assertThat(outsideLinks).as(page.uri().toString())
                .doesNotContainPattern("/basvuru|https?://|www\\.|\\b0\\d{3} \\d{3} \\d{2} \\d{2}\\b|\\b(112|155|183)\\b");
        }
    }

    @Test
    void shouldFillInOnlyTheFieldsALinkMayFillIn() throws Exception {
        HttpResponse<String> course = get("/basvuru/course-enrollment?courseCode=KRS-0001&fullName=Biri&tcKimlikNo=19000000089", null);
        assertThat(course.statusCode()).isEqualTo(200);
        assertThat(firstTag(course.body(), "courseCode")).contains("value=\"KRS-0001\"");
        assertThat(firstTag(course.body(), "fullName")).doesNotContain("Biri");
        assertThat(firstTag(course.body(), "tcKimlikNo")).doesNotContain("19000000089");
        // the form's written address of the course list is a link
        assertThat(course.body()).contains("<a href=\"/basvuru/kurslar\">/basvuru/kurslar</a>");

        HttpResponse<String> loan = get("/basvuru/" + MICROCREDIT + "?requestedAmount=5000&iban=" + VALID_IBAN, null);
        assertThat(firstTag(loan.body(), "requestedAmount")).contains("value=\"\"").doesNotContain("value=\"5000\"");
        assertThat(firstTag(loan.body(), "iban")).doesNotContain(VALID_IBAN);
    }

    @Test
    void shouldListFullCoursesForTheWaitingListAndStateHerPlaceInLine() throws Exception {
        CourseTestData data = new CourseTestData(centres, instructors, courses);
        Course open = data.course(3);
        Course full = data.course(1);
        String first = applications.submit("course-enrollment", CourseTestData.startForm(full.getCode()), null).trackingCode();
        String centre = data.centre().getName();

        HttpResponse<String> list = get("/basvuru/kurslar?q=" + URLEncoder.encode(centre, StandardCharsets.UTF_8), null);

        assertThat(list.statusCode()).isEqualTo(200);
        String html = list.body();
        assertThat(html).contains("href=\"/basvuru/course-enrollment?courseCode=" + open.getCode() + "\"", "Bu kursa başvur",
            "href=\"/basvuru/course-enrollment?courseCode=" + full.getCode() + "\"", "Yedek listeye yazıl", "Kontenjan dolu",
            "type=\"search\"", "enterkeyhint=\"search\"");
        assertThat(html.substring(html.indexOf("data-course=\"" + full.getCode() + "\""))).doesNotContain("Boş yer");

        String second = applications.submit("course-enrollment", CourseTestData.startForm(full.getCode()), null).trackingCode();
        assertThat(decisionOf(status(second).body())).contains("Yedek listedesiniz — Dikiş Nakış (" + full.getCode() + "), sıranız 1",
            "Kurs merkezi: " + centre, "İlk gün: " + tr.bel.izmit.kadinaile.common.TurkishFormats.DATE.format(full.getStartsOn()));
        assertThat(decisionOf(status(first).body())).contains("Kaydınız yapıldı — Dikiş Nakış (" + full.getCode() + ")");
    }

    private MicrocreditDecisions decisions() {
        return new MicrocreditDecisions(runtimeService, taskService, identityService, managementService);
    }

    private HttpResponse<String> status(String code) throws Exception {
        Session session = openStatus();
        HttpResponse<String> page = post("/basvuru/durum", session.cookie, Map.of("_csrf", session.token, "kod", code));
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    /** The labels of the steps in this phase (done, current, ahead), in order. */
    private static List<String> stepsOf(String html, String phase) {
        Matcher step = Pattern.compile("(?s)<li class=\"steps__item steps__item--" + phase + "\">\\s*<span class=\"steps__label\">([^<]*)</span>")
            .matcher(html);
        List<String> labels = new ArrayList<>();
        while (step.find()) {
            labels.add(step.group(1));
        }
        return labels;
    }

    private static String decisionOf(String html) {
        Matcher decision = Pattern.compile("(?s)<div class=\"decision[^\"]*\" id=\"karar\">(.*?)</div>").matcher(html);
        assertThat(decision.find()).as("a decision on the page").isTrue();
        return decision.group(1);
    }

    // ---------------------------------------------------------------- helpers

    record Session(String cookie, String token) {
    }

    private String submitValid(Map<String, String> values) throws Exception {
        Session session = openForm();
        Map<String, String> withToken = new LinkedHashMap<>(values);
        withToken.put("_csrf", session.token);
        HttpResponse<String> response = post("/basvuru/" + MICROCREDIT, session.cookie, withToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Matcher location = LOCATION.matcher(response.headers().firstValue("Location").orElse(""));
        assertThat(location.find()).isTrue();
        return location.group(1);
    }

    private Session openForm() throws Exception {
        return session(get("/basvuru/" + MICROCREDIT, null));
    }

    private Session openStatus() throws Exception {
        return session(get("/basvuru/durum", null));
    }

    private static Session session(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(PortalSecurity.COOKIE + "="))
            .map(value -> value.substring(0, value.indexOf(';')))
            .findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        assertThat(cookie).isEqualTo(PortalSecurity.COOKIE + "=" + token.group(1));
        return new Session(cookie, token.group(1));
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A citizen's valid entries, as the browser sends them. */
    static Map<String, String> validValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fullName", "Ayten Test Başvuran");
        values.put("tcKimlikNo", IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("email", "");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("memberSince", "");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", "3000");
        values.put("termMonths", "10");
        values.put("iban", VALID_IBAN);
        values.put("kvkkConsent", "true");
        return values;
    }

    /** The first input, select or textarea tag with this name. */
    private static String firstTag(String html, String name) {
        Matcher tag = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("a field named %s", name).isTrue();
        return tag.group();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static long count(String text, String part) {
        List<Integer> at = new ArrayList<>();
        int index = text.indexOf(part);
        while (index >= 0) {
            at.add(index);
            index = text.indexOf(part, index + 1);
        }
        return at.size();
    }
}
