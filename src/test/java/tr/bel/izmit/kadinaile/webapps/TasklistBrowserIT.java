package tr.bel.izmit.kadinaile.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;

/**
 * The caseworkers' day in a real browser: Debian's headless Chromium driven through chromedriver, against the
 * whole application with the demo users and cases. The browser prefers English, and Tasklist must still speak
 * Turkish. Screenshots of every step go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class TasklistBrowserIT {

    private static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_PAGE_PATIENCE = Duration.ofSeconds(90);

    private static final String VIOLENCE_LINE = "violence-line-referral";
    private static final String CANARY_NAME = "Zümrüt Kanarya-7319";
    private static final String CANARY_NOTE = "Kanarya-notu-7319 balkonda kavga";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    static void requireChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
            .as("The browser test needs Chromium at %s. Install Debian's packages: apt-get install -y chromium "
                + "chromium-driver (.ci/run does so in CI), or point -Dbrowser.chromium to another binary.", CHROMIUM)
            .isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
            .as("The browser test needs chromedriver at %s. Install Debian's package: apt-get install -y "
                + "chromium-driver (.ci/run does so in CI), or point -Dbrowser.chromedriver to another binary.", CHROMEDRIVER)
            .isTrue();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("tasklist-browser-it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + profile.toAbsolutePath(),
            // a browser that prefers English: the web apps must still start in Turkish
            "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        try {
            if (browser != null) {
                screenshot("zz-son-durum-" + test.getTestMethod().map(Method::getName).orElse("test"));
                browser.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    @Test
    void shouldLetAnIzgimOfficerCheckTheDocumentsOfAMicrocreditApplicationInTurkish() {
        Task documentCheck = taskService.createTaskQuery()
            .processDefinitionKey("microcredit-application")
            .taskDefinitionKey("Task_CheckDocuments")
            .taskCandidateGroup("izgim-officers")
            .taskUnassigned()
            .list().stream().findFirst()
            .orElseThrow(() -> new AssertionError("the demo data set has no document check waiting for izgim-officers"));
        assertThat(documentCheck.getName()).matches("Belgeleri kontrol et \\(MK-[0-9A-Z]{4}-[0-9A-Z]{4}\\)");

        // the login page speaks Turkish to a browser that prefers English, and shows no migration banner
        open("/camunda/app/tasklist/default/");
        WebElement username = visible(By.cssSelector("input[ng-model='username']"));
        assertThat(script("return navigator.language")).asString().startsWith("en");
        assertThat(username.getAttribute("placeholder")).isEqualTo("Kullanıcı adı");
        assertThat(visible(By.cssSelector("button[type='submit']")).getText()).isEqualTo("Giriş yap");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("tr");
        assertNoMigrationBanner();
        screenshot("01-giris-sayfasi-turkce");

        logIn("ayse.yilmaz");

        // her group's queue comes first and is open; the overdue queue and her own tasks follow
        assertThat(filterNames()).startsWith("Grubumun işleri — İZGİM Memurları", "Süresi geçenler — İZGİM Memurları");
        assertThat(filterNames()).contains("Bana atananlar").doesNotContain("Acil şiddet hattı vakaları");
        assertThat(activeFilterName()).isEqualTo("Grubumun işleri — İZGİM Memurları");
        // sorted as the filter sorts: earliest due date first, then the highest priority (no longer "Oluşturulma")
        assertSortedByDueDateThenPriority();
        assertListInDueDateOrder("izgim-officers");
        assertNoMigrationBanner();
        WebElement task = taskInList(documentCheck.getName());
        assertThat(task.getText()).contains("Takip kodu:").contains("İZGİM Faizsiz Mikrokredi Başvurusu");
        assertThat(priorityLabel(task)).isEqualTo("Öncelik ");
        assertThat(browser.findElements(By.cssSelector(".kadinaile-critical-badge"))).as("no CRITICAL badge on her work").isEmpty();
        assertStartProcessShown();
        screenshot("02-gorev-listesi-grubumun-isleri");

        openTask(task, documentCheck.getName());
        claimOpenTask("Ayşe Yılmaz");
        screenshot("03-belge-kontrolu-uzerime-alindi");

        // a wrong value: a list of missing documents longer than the form allows
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Eksik belge var']"));
        WebElement missingDocuments = visible(By.cssSelector("textarea[id$='Field_missingDocuments']"));
        missingDocuments.sendKeys("Nüfus cüzdanı fotokopisi, ikametgâh belgesi, vergi levhası. ".repeat(18));
        missingDocuments.sendKeys(Keys.TAB);
        WebElement error = visible(By.cssSelector("[id$='Field_missingDocuments-error-message'] li"));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "En çok 1000 karakter girilebilir."));
        assertThat(completeButton().isEnabled()).isFalse();
        // once, at the field: one message there and no notification on top
        assertThat(browser.findElements(By.cssSelector("[id$='Field_missingDocuments-error-message'] li"))).hasSize(1);
        pause(Duration.ofSeconds(1));
        assertThat(visibleErrorNotifications()).as("notifications of a field error").isEmpty();
        script("arguments[0].scrollIntoView({block: 'center'})", error);
        screenshot("04-dogrulama-mesaji");

        // corrected: the documents are complete; a saved draft stays in the browser until the task is done
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Belgeler tam']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("textarea[id$='Field_missingDocuments']")));
        click(By.cssSelector(".form-actions button[ng-click='save($event)']"));
        wait.until(driver -> storedDraft(documentCheck.getId()) != null);
        assertThat(storedDraft(documentCheck.getId())).contains("\"documentsDecision\":\"COMPLETE\"");
        wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
        screenshot("05-belgeler-tam-kaydedildi");
        completeButton().click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskInListLocator(documentCheck.getName())));
        screenshot("06-gorev-tamamlandi");

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(documentCheck.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getAssignee()).isEqualTo("ayse.yilmaz");
        assertThat(taskService.createTaskQuery().processInstanceId(documentCheck.getProcessInstanceId()).singleResult()
            .getTaskDefinitionKey()).isEqualTo("Task_AssessBusinessPlan");
        assertThat(storedDraft(documentCheck.getId())).isNull();

        // and she may start a new application herself
        openStartForm("İZGİM Faizsiz Mikrokredi Başvurusu");
        visible(By.cssSelector(".modal input[id$='Field_fullName']"));
        screenshot("07-mikrokredi-baslatma-formu");
        closeStartForm();
        logOut();
    }

    @Test
    void shouldShowAViolenceLineCaseToTheLineOnly() {
        String caseCode = startCriticalViolenceCase();

        for (String outsider : List.of("elif.demir", "hatice.sahin")) {
            openTasklistAs(outsider);
            for (String filter : filterNames()) {
                openFilter(filter);
                assertThat(taskNamesInList()).as("%s, filter %s", outsider, filter).noneMatch(name -> name.contains(caseCode));
                assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(caseCode);
            }
            assertThat(filterNames()).doesNotContain("Acil şiddet hattı vakaları");
            assertThat(browser.findElements(By.cssSelector(".kadinaile-critical-badge"))).isEmpty();
            // a mentor and a manager start no process
            assertNoStartProcess();
            openFilter(filterNames().get(0));
            screenshot("08-" + outsider.replace('.', '-') + "-siddet-vakasini-gormez");
            logOut();
        }

        openTasklistAs("merve.koc");
        assertThat(activeFilterName()).isEqualTo("Grubumun işleri — Şiddet Hattı Operatörleri");
        assertThat(filterNames()).startsWith("Grubumun işleri — Şiddet Hattı Operatörleri", "Acil şiddet hattı vakaları",
            "Süresi geçenler — Şiddet Hattı Operatörleri");
        WebElement emergency = taskInList("Acil müdahale (" + caseCode + ")");
        assertThat(emergency.getText()).contains("Vaka kodu:").contains(caseCode).doesNotContain(CANARY_NAME);
        assertCriticalBadgeCountsDown("Acil müdahale (" + caseCode + ")");
        // her own work is her group's too: she starts calls
        assertStartProcessShown();
        screenshot("09-merve-koc-acil-mudahale-gorur");

        // and in the task itself: a banner with the same countdown
        openTaskInList("Acil müdahale (" + caseCode + ")");
        WebElement banner = visible(By.cssSelector(".task-details .kadinaile-critical-banner"));
        assertThat(banner.getText()).startsWith("KRİTİK Kritik risk: acil müdahale — kalan süre ").doesNotContain(CANARY_NAME);
        assertCountsDown(By.cssSelector(".task-details .kadinaile-critical-banner .kadinaile-countdown"));
        // docs/screenshots/tasklist-kritik-rozet.png is this picture
        screenshot("09b-kritik-rozet-ve-geri-sayim");
        openFilter("Acil şiddet hattı vakaları");
        assertThat(taskNamesInList()).contains("Acil müdahale (" + caseCode + ")");
        logOut();
    }

    @Test
    void shouldLeaveNothingOfAViolenceLineFormInTheBrowser() {
        String caseCode = startCriticalViolenceCase();
        openTasklistAs("merve.koc");

        // a task form: a note typed; there is no "Kaydet" on a violence-line form
        taskInList("Acil müdahale (" + caseCode + ")").findElement(By.cssSelector("h4.task a")).click();
        WebElement note = visible(By.cssSelector("textarea[id$='Field_staffNote']"));
        note.sendKeys(CANARY_NOTE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector(".task-details .form-actions button[ng-click='save($event)']")));
        assertThat(visible(By.cssSelector(".task-details .form-actions button[ng-click='complete()']")).getText())
            .isEqualTo("Tamamla");
        script("arguments[0].scrollIntoView({block: 'center'})", note);
        screenshot("10-siddet-formu-not-yazildi");
        // what Tasklist does by itself when it finds the session gone: it saves the open form for later
        script("""
            const scope = angular.element(document.body).injector().get('$rootScope');
            scope.$apply(() => scope.$broadcast('authentication.login.required'));""");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("textarea[id$='Field_staffNote']")));
        assertThat(browserStorage()).noneMatch(entry -> entry.contains(CANARY_NOTE));
        openFilter("Bana atananlar");

        // the intake start form: a name typed, the dialog closed
        openStartForm("Şiddet Acil Yardım Hattı — Yönlendirme");
        visible(By.cssSelector(".modal input[id$='Field_victimName']")).sendKeys(CANARY_NAME);
        screenshot("11-cagri-formu-ad-yazildi");
        closeStartForm();

        logOut();
        screenshot("12-cikis-sonrasi");
        List<String> storage = browserStorage();
        assertThat(storage).noneMatch(entry -> entry.contains(CANARY_NOTE));
        assertThat(storage).noneMatch(entry -> entry.contains(CANARY_NAME));
        assertThat(storage).noneMatch(entry -> entry.contains(caseCode));
        assertThat(storage).noneMatch(entry -> entry.startsWith("camunda-form:") || entry.startsWith("camForm:"));
    }

    @Test
    void shouldShowARefusalOfTheServerAtItsFieldInTurkish() {
        String taskName = microcreditAtTheCommittee(2000);
        openTasklistAs("fatma.kaya");
        openTaskInList(taskName);
        claimOpenTask("Fatma Kaya");
        Task decision = taskService.createTaskQuery().taskName(taskName).singleResult();

        // a required field left empty: form-js says so at the field, and no red notification comes on top
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Onayla']"));
        WebElement amount = visible(By.cssSelector("input[id$='Field_approvedAmount']"));
        wait.until(ExpectedConditions.elementToBeClickable(completeButton())).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[id$='Field_approvedAmount-error-message'] li"), "Bu alan zorunludur."));
        // Tasklist raises its (empty) notification a moment after form-js's message, once its text is translated
        pause(Duration.ofSeconds(2));
        assertThat(visibleErrorNotifications()).as("notifications of a required field").isEmpty();

        // 3,000 TL is within the form's 1,500-5,000 TL, but above the 2,000 TL requested: only the server knows
        amount.sendKeys("3000");
        amount.sendKeys(Keys.TAB);
        wait.until(ExpectedConditions.elementToBeClickable(completeButton())).click();
        WebElement refusal = visible(By.cssSelector(".kadinaile-server-error li"));
        assertThat(refusal.getText()).isEqualTo("Onaylanan tutar talep edilen tutarı (2.000,00 TL) aşamaz.");
        assertThat(refusal.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"))
            .findElements(By.cssSelector("input[id$='Field_approvedAmount']"))).hasSize(1);
        // once, at the field: Tasklist's notification of the same text is not raised on top of it (it used to cover
        // the form's buttons)
        assertThat(browser.findElements(By.cssSelector(".kadinaile-server-error li"))).hasSize(1);
        pause(Duration.ofSeconds(2));
        assertThat(visibleErrorNotifications()).as("notifications of a refusal shown at its field").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".kadinaile-server-error li"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-", "Exception", "TaskListener",
            "Cannot ");
        assertThat((String) script("return document.body.innerHTML")).doesNotContain("ENGINE-");
        script("arguments[0].scrollIntoView({block: 'center'})", amount);
        // docs/screenshots/tasklist-alan-hatasi.png is this picture
        screenshot("13-sunucu-dogrulama-hatasi");
        assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).as("the task is still open").isOne();
        assertThat(runtimeService.getVariable(decision.getProcessInstanceId(), "approvedAmount")).isNull();

        // the server's message goes as soon as the amount is changed
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2000");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".kadinaile-server-error")));

        // the committee starts nothing: no "Süreç başlat" for her
        assertNoStartProcess();
    }

    @Test
    void shouldNameEachParallelReferralByItsInstitutionAndColleaguesByTheirNames() {
        String caseCode = startCriticalViolenceCase();
        Task emergency = taskService.createTaskQuery().processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_EmergencyResponse").singleResult();
        taskService.complete(emergency.getId(), Map.of("emergencyActions",
            tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData.checklist("POLICE_155"), "staffNote", "Ekip ulaştı."));
        String police = "Yönlendirme: Kolluk (" + caseCode + ")";
        String shelter = "Yönlendirme: Kadın konukevi (" + caseCode + ")";
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseCode).taskDefinitionKey("Task_MakeReferral")
            .list()).extracting(Task::getName).containsExactlyInAnyOrder(police, shelter);
        // a colleague of the line holds the shelter referral
        Task shelterTask = taskService.createTaskQuery().processInstanceBusinessKey(caseCode).taskName(shelter).singleResult();
        taskService.setAssignee(shelterTask.getId(), "merve.koc");

        openTasklistAs("selin.aydin");
        assertThat(activeFilterName()).isEqualTo("Grubumun işleri — Şiddet Hattı Sosyal Çalışmacıları");
        assertSortedByDueDateThenPriority();
        assertThat(taskInList(police).getText()).contains("Vaka kodu:").doesNotContain(CANARY_NAME);
        // the assignee by her name, not her user id
        wait.ignoring(StaleElementReferenceException.class).until(driver ->
            taskInList(shelter).findElement(By.cssSelector("h5.assignee")).getText().trim().equals("Merve Koç"));
        assertThat(taskInList(shelter).getText()).doesNotContain("merve.koc");
        // referrals are not the emergency: no CRITICAL badge on them
        assertThat(browser.findElements(By.cssSelector(".kadinaile-critical-badge"))).isEmpty();
        // a social worker starts no call
        assertNoStartProcess();
        screenshot("14-selin-aydin-yonlendirmeler-kurum-adiyla");

        openTaskInList(police);
        claimOpenTask("Selin Aydın");
        logOut();
    }

    @Test
    void shouldLetTheCourseCoordinatorFindHerPreInterviewsAndStartAnApplication() {
        Task preInterview = waitingTask("course-enrollment", "Task_PreInterview", "course-coordinators");
        assertThat(preInterview.getName()).matches("Ön görüşme \\(KR-[0-9A-Z]{4}-[0-9A-Z]{4}\\)");

        openTasklistAs("burcu.yildiz");
        assertThat(activeFilterName()).isEqualTo("Grubumun işleri — Kurs Koordinatörleri");
        assertSortedByDueDateThenPriority();
        assertListInDueDateOrder("course-coordinators");
        WebElement card = taskInList(preInterview.getName());
        assertThat(card.getText()).contains("Takip kodu:").contains("İZMEK Kurs Başvurusu");
        assertThat(priorityLabel(card)).isEqualTo("Öncelik ");
        openTask(card, preInterview.getName());
        claimOpenTask("Burcu Yıldız");
        screenshot("16-kurs-koordinatoru-on-gorusme");

        // she starts applications at the desk
        assertStartProcessShown();
        openStartForm("İZMEK Kurs Başvurusu");
        visible(By.cssSelector(".modal .fjs-container"));
        screenshot("17-kurs-basvurusu-baslatma-formu");
        closeStartForm();
        taskService.setAssignee(preInterview.getId(), null);
        logOut();
    }

    @Test
    void shouldLetTheMarketCoordinatorReviewAProducersApplication() {
        Task review = waitingTask("producer-onboarding", "Task_ReviewApplication", "market-coordinators");

        openTasklistAs("seda.kurt");
        assertThat(activeFilterName()).isEqualTo("Grubumun işleri — Pazar Koordinatörleri");
        assertSortedByDueDateThenPriority();
        assertListInDueDateOrder("market-coordinators");
        WebElement card = taskInList(review.getName());
        assertThat(card.getText()).contains("Takip kodu:").contains("İzmit Çarşısı Üretici Başvurusu");
        openTask(card, review.getName());
        claimOpenTask("Seda Kurt");
        visible(By.cssSelector(".task-details .fjs-container"));
        screenshot("18-pazar-koordinatoru-basvuru-inceleme");
        taskService.setAssignee(review.getId(), null);
        logOut();
    }

    @Test
    void shouldSpeakTurkishOnEveryWebAppAndLinkManagersToTheDashboard() {
        open("/camunda/app/welcome/default/");
        logInAnywhere("hatice.sahin");
        WebElement link = visible(By.cssSelector(".kadinaile-dashboard-section a"));
        assertThat(link.getText()).isEqualTo("Yönetim paneline git");
        assertThat(link.getAttribute("href")).endsWith("/yonetim");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("tr");
        screenshot("19-hos-geldiniz-yonetim-paneli-baglantisi");
        for (String app : List.of("cockpit", "tasklist")) {
            open("/camunda/app/" + app + "/default/");
            wait.until(driver -> "tr".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        }
        open("/camunda/app/welcome/default/");
        visible(By.cssSelector(".kadinaile-dashboard-section a")).click();
        wait.until(ExpectedConditions.urlContains("/yonetim"));

        // not for someone who is no manager: the dashboard would refuse her
        open("/camunda/app/welcome/default/");
        click(By.cssSelector("[cam-widget-header] li.account a.dropdown-toggle"));
        click(By.cssSelector("[cam-widget-header] li.logout a"));
        logInAnywhere("ayse.yilmaz");
        visible(By.cssSelector(".webapps .tasklist-app"));
        pause(Duration.ofSeconds(2));
        assertThat(browser.findElements(By.cssSelector(".kadinaile-dashboard-section"))).isEmpty();
    }

    /** A microcredit application of the given amount, waiting for the committee; returns its task's name. */
    private String microcreditAtTheCommittee(long requestedAmount) {
        ProcessInstance application;
        identityService.setAuthentication("ayse.yilmaz", List.of("izgim-officers"));
        try {
            application = runtimeService.startProcessInstanceByKey("microcredit-application",
                MicrocreditTestData.startForm(requestedAmount));
        } finally {
            identityService.clearAuthentication();
        }
        completeOpenTask(application, "ayse.yilmaz", Map.of("documentsDecision", "COMPLETE"));
        completeOpenTask(application, "elif.demir", Map.of("businessPlanScore", 4L, "businessPlanComment", "Gerçekçi bir plan."));
        Task committee = taskService.createTaskQuery().processInstanceId(application.getId()).singleResult();
        assertThat(committee.getTaskDefinitionKey()).isEqualTo("Task_CommitteeDecision");
        return committee.getName();
    }

    /** A task of the demo data waiting for the group, unclaimed. */
    private Task waitingTask(String processKey, String activity, String group) {
        return taskService.createTaskQuery()
            .processDefinitionKey(processKey)
            .taskDefinitionKey(activity)
            .taskCandidateGroup(group)
            .taskUnassigned()
            .list().stream().findFirst()
            .orElseThrow(() -> new AssertionError("the demo data set has no " + activity + " waiting for " + group));
    }

    /** The sort header says what the list does: "Son tarih" ascending, then "Öncelik" descending. */
    private void assertSortedByDueDateThenPriority() {
        wait.until(driver -> driver.findElements(By.cssSelector(".tasks-list .sort-by")).stream()
            .map(label -> label.getText().trim()).toList().equals(List.of("Son tarih", "Öncelik")));
        List<WebElement> directions = browser.findElements(By.cssSelector(".tasks-list .sorting-choice .sort-direction"));
        assertThat(directions).hasSize(2);
        assertThat(directions.get(0).getAttribute("class")).contains("glyphicon-menu-up");
        assertThat(directions.get(1).getAttribute("class")).contains("glyphicon-menu-down");
        assertThat((String) script("return window.location.hash")).doesNotContain("created");
    }

    /** The tasks shown come in the order of their due dates (those without one aside). */
    private void assertListInDueDateOrder(String group) {
        waitForTaskList();
        Map<String, java.util.Date> dueByName = new HashMap<>();
        taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().list()
            .forEach(task -> dueByName.put(task.getName(), task.getDueDate()));
        List<java.util.Date> dues = taskNamesInList().stream().map(dueByName::get).filter(java.util.Objects::nonNull).toList();
        assertThat(dues).as("due dates down the list").isSorted();
    }

    private String priorityLabel(WebElement card) {
        String content = (String) script("return getComputedStyle(arguments[0], '::before').content",
            card.findElement(By.cssSelector(".priority")));
        return content.replaceAll("^\"|\"$", "");
    }

    private void assertStartProcessShown() {
        visible(By.cssSelector("[cam-widget-header] li.start-process-action a"));
    }

    private void assertNoStartProcess() {
        waitForTaskList();
        // the answer to "may she start anything?" is a request away: give it the time it takes
        pause(Duration.ofSeconds(2));
        assertThat(browser.findElements(By.cssSelector("[cam-widget-header] li.start-process-action")))
            .allSatisfy(action -> assertThat(action.isDisplayed()).as("Süreç başlat").isFalse());
    }

    /** The card's CRITICAL badge: "KRİTİK" and a countdown to the due date (about 15 minutes), ticking. */
    private void assertCriticalBadgeCountsDown(String taskName) {
        By card = taskInListLocator(taskName);
        By badge = By.xpath(xpathOf(card) + "//*[contains(@class,'kadinaile-critical-badge')]");
        assertThat(visible(badge).getText()).matches("KRİTİK\\s+kalan süre 1[0-5]:[0-5][0-9]");
        assertThat(visible(card).getAttribute("class")).contains("kadinaile-critical-task");
        assertCountsDown(By.xpath(xpathOf(badge) + "//*[contains(@class,'kadinaile-countdown')]"));
    }

    /** The countdown shows minutes and seconds left, and moves. */
    private void assertCountsDown(By countdown) {
        String before = visible(countdown).getText();
        assertThat(before).matches("kalan süre \\d{2}:\\d{2}");
        wait.ignoring(StaleElementReferenceException.class)
            .until(driver -> !driver.findElement(countdown).getText().equals(before));
        assertThat(visible(countdown).getText()).matches("kalan süre \\d{2}:\\d{2}");
    }

    private static String xpathOf(By locator) {
        return locator.toString().replaceFirst("^By\\.xpath: ", "");
    }

    /** The web apps' login form (Welcome, Cockpit, Admin or Tasklist), without waiting for Tasklist's list. */
    private void logInAnywhere(String user) {
        submitLogin(user);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /** Types the demo user's credentials into the web apps' login form and submits it. */
    private void submitLogin(String user) {
        // the login form may render twice while the app starts: type until both fields hold what was typed (the very
        // first page of a freshly started application on a busy machine takes longer than the usual patience)
        new WebDriverWait(browser, FIRST_PAGE_PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement username = driver.findElement(By.cssSelector("input[ng-model='username']"));
            WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
            if (!username.isDisplayed()) {
                return false;
            }
            username.clear();
            username.sendKeys(user);
            password.clear();
            password.sendKeys("demo");
            return user.equals(username.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"));
        });
        click(By.cssSelector("button[type='submit']"));
    }

    private void completeOpenTask(ProcessInstance instance, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<WebElement> visibleErrorNotifications() {
        return browser.findElements(By.cssSelector(".notifications .alert-danger")).stream()
            .filter(WebElement::isDisplayed)
            .toList();
    }

    /** Starts a call with immediate danger as the operator merve.koc; returns its case code. */
    private String startCriticalViolenceCase() {
        Map<String, Object> intake = new HashMap<>();
        intake.put("callerAnonymous", false);
        intake.put("victimName", CANARY_NAME);
        intake.put("safePhone", "05419997319");
        intake.put("safeCallTimes", "Hafta içi 10:00-12:00");
        intake.put("doNotCall", false);
        intake.put("district", "IZMIT");
        intake.put("neighbourhood", "Kanarya Mahallesi 7319");
        intake.put("violenceTypes", tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData.checklist("PHYSICAL"));
        intake.put("immediateDanger", true);
        intake.put("weaponOrThreatToKill", false);
        intake.put("childrenAtRisk", false);
        intake.put("pregnant", false);
        intake.put("earlierIncidents", true);
        intake.put("protectionOrder", false);
        intake.put("perpetratorRelation", "SPOUSE");
        // a checklist as Tasklist submits it (JSON), so that the referrals can be planned once the emergency is handled
        intake.put("consentedReferrals", tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData.checklist("POLICE", "SHELTER"));
        intake.put("incidentNotes", "Kanarya-olay-7319");
        ProcessInstance call = startCallAsTheOperator(intake);
        String caseCode = (String) runtimeService.getVariable(call.getId(), "caseCode");
        Task emergency = taskService.createTaskQuery().processInstanceId(call.getId()).taskAssignee("merve.koc").singleResult();
        assertThat(emergency).as("the emergency task of a critical call").isNotNull();
        assertThat(emergency.getName()).isEqualTo("Acil müdahale (" + caseCode + ")");
        return caseCode;
    }

    /** Starts a call of the line with the intake, as Tasklist would: the operator merve.koc, with her group. */
    private ProcessInstance startCallAsTheOperator(Map<String, Object> intake) {
        identityService.setAuthentication("merve.koc", List.of("violence-line-operators"));
        try {
            return runtimeService.startProcessInstanceByKey(VIOLENCE_LINE, intake);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Opens Tasklist and logs in as {@code user} (see {@link #logIn}). */
    private void openTasklistAs(String user) {
        open("/camunda/app/tasklist/default/");
        logIn(user);
    }

    /** Logs in to Tasklist and waits for her list, sorted by due date. */
    private void logIn(String user) {
        submitLogin(user);
        visible(By.cssSelector(".task-filters .task-filter.active"));
        // the list is sorted by due date (scripts/task-list.js), which reloads it once after login
        wait.until(driver -> String.valueOf(script("return window.location.hash")).contains("dueDate"));
        waitForTaskList();
    }

    private void logOut() {
        click(By.cssSelector("[cam-widget-header] li.account a.dropdown-toggle"));
        click(By.cssSelector("[cam-widget-header] li.logout a"));
        visible(By.cssSelector("input[ng-model='username']"));
    }

    private List<String> filterNames() {
        visible(By.cssSelector(".task-filters .task-filter"));
        return browser.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
            .map(this::ownText)
            .toList();
    }

    private String activeFilterName() {
        return ownText(visible(By.cssSelector(".task-filters .task-filter.active h4.name a")));
    }

    private void openFilter(String name) {
        if (!name.equals(activeFilterName())) {
            click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),"
                + xpathLiteral(name) + ")]"));
        }
        wait.until(driver -> name.equals(activeFilterName()));
        waitForTaskList();
    }

    /** The list shows as many tasks as the open filter counts (a page holds 15), or says it has none. */
    private void waitForTaskList() {
        wait.until(driver -> {
            List<WebElement> counters = driver.findElements(By.cssSelector(".task-filters .task-filter.active .counter"));
            if (counters.isEmpty() || counters.get(0).getText().isBlank()) {
                return false;
            }
            int count = Integer.parseInt(counters.get(0).getText().trim());
            int shown = driver.findElements(By.cssSelector(".tasks-list li.task")).size();
            return count == 0
                ? driver.findElement(By.cssSelector(".tasks-list")).getText().contains("Filtrelere uyan görev bulunamadı.")
                : shown == Math.min(count, 15);
        });
    }

    private List<String> taskNamesInList() {
        return browser.findElements(By.cssSelector(".tasks-list li.task h4.task a")).stream()
            .map(link -> link.getText().trim())
            .toList();
    }

    private WebElement taskInList(String name) {
        return visible(taskInListLocator(name));
    }

    private static By taskInListLocator(String name) {
        return By.xpath("//li[contains(@class,'task')][.//h4[contains(@class,'task')]/a[normalize-space(.)="
            + xpathLiteral(name) + "]]");
    }

    /** Opens the task of the list named {@code name} and waits for its details. */
    private void openTaskInList(String name) {
        openTask(taskInList(name), name);
    }

    /** Opens the task of the list's card and waits for its details, titled {@code name}. */
    private void openTask(WebElement card, String name) {
        card.findElement(By.cssSelector("h4.task a")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-details h2.task"), name));
    }

    private void openTaskById(String taskId) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
    }

    /** Claims the open task and waits until it shows her, by her full name, as its assignee. */
    private void claimOpenTask(String fullName) {
        click(By.cssSelector(".task-details button.claim"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details li.assignee"), fullName));
    }

    /** "Süreç başlat", then the process named {@code processName}: its start form in the dialog. */
    private void openStartForm(String processName) {
        click(By.cssSelector("[cam-widget-header] li.start-process-action a"));
        click(By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
            + xpathLiteral(processName) + "]"));
    }

    /** Closes the start form's dialog without starting anything. */
    private void closeStartForm() {
        click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Kapat']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
    }

    private WebElement completeButton() {
        return browser.findElement(By.cssSelector(".form-actions button[ng-click='complete()']"));
    }

    private String storedDraft(String taskId) {
        return (String) script("return window.localStorage.getItem(arguments[0])", "camunda-form:" + taskId);
    }

    /** Every key and value in localStorage and sessionStorage, as "key=value". */
    @SuppressWarnings("unchecked")
    private List<String> browserStorage() {
        return new ArrayList<>((List<String>) script("""
            const entries = [];
            for (const storage of [window.localStorage, window.sessionStorage]) {
              for (let i = 0; i < storage.length; i++) {
                const key = storage.key(i);
                entries.push(key + '=' + storage.getItem(key));
              }
            }
            return entries;"""));
    }

    private void assertNoMigrationBanner() {
        List<WebElement> banners = browser.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8").doesNotContain("migrate");
    }

    private WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The element's own text, without that of its children (a filter's task counter). */
    private String ownText(WebElement element) {
        return ((String) script("""
            return Array.from(arguments[0].childNodes)
              .filter(node => node.nodeType === Node.TEXT_NODE)
              .map(node => node.textContent).join('').trim();""", element));
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    // ================================================================================== case-view (issue 22 §1) begin
    // The "Vaka bilgileri" tab (scripts/case-view.js, casework.CaseViewController): the line's social worker states a
    // reason, sees the warning that the read is recorded, then the woman's safe phone and times; the course coordinator
    // sees the applicant's phone for the pre-interview at once, and finds the applicant with "Kişi ara".
    // docs/screenshots/tasklist-vaka-bilgileri.png is the social worker's view.

    private static final String CASE_VIEW_NAME = "Nilüfer Kanarya-CV-7402";
    private static final String CASE_VIEW_PHONE = "05419997402";
    /** The safe phone as the intake stores and the tab shows it: its ten digits, normalised. */
    private static final String CASE_VIEW_PHONE_SHOWN = CASE_VIEW_PHONE.substring(1);
    private static final String CASE_VIEW_TIMES = "Perşembe 09:30-10:30";

    @Test
    void shouldShowTheCaseDataTabToTheLinesSocialWorkerAfterAReasonAndToTheCourseCoordinator() throws IOException {
        Map<String, Object> intake = new HashMap<>(tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData.intake());
        intake.put("victimName", CASE_VIEW_NAME);
        intake.put("safePhone", CASE_VIEW_PHONE);
        intake.put("safeCallTimes", CASE_VIEW_TIMES);
        ProcessInstance call = startCallAsTheOperator(intake);
        Task referral = taskService.createTaskQuery().processInstanceId(call.getId())
            .taskCandidateGroup("violence-line-social-workers").list().get(0);

        open("/camunda/app/tasklist/default/");
        // the first load of Tasklist in a JVM may take longer than the usual patience on a busy machine
        new WebDriverWait(browser, Duration.ofSeconds(180))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        logIn("selin.aydin");
        openTaskById(referral.getId());
        openCaseViewTab();
        WebElement warning = visible(By.cssSelector(".kadinaile-case-view .kcv-warning"));
        assertThat(warning.getText()).contains("Bu görüntüleme kayıt altına alınır");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(CASE_VIEW_NAME).doesNotContain(CASE_VIEW_PHONE_SHOWN);
        // without a reason nothing is asked of the server
        click(By.cssSelector(".kadinaile-case-view form button[type='submit']"));
        wait.until(driver -> driver.findElement(By.cssSelector(".kadinaile-case-view .kcv-error")).getText()
            .contains("Görüntüleme nedenini seçin"));
        screenshot("14-vaka-bilgileri-neden-sorulur");
        new org.openqa.selenium.support.ui.Select(visible(By.id("kcv-reason-choice"))).selectByVisibleText("Takip araması");
        visible(By.id("kcv-reason-text")).sendKeys("Güvenli saatte takip araması yapılacak");
        click(By.cssSelector(".kadinaile-case-view form button[type='submit']"));
        WebElement fields = visible(By.cssSelector(".kadinaile-case-view dl.kcv-fields"));
        assertThat(fields.getText()).contains("Ad soyad").contains(CASE_VIEW_NAME).contains("Güvenli telefon")
            .contains(CASE_VIEW_PHONE_SHOWN).contains("Güvenli arama saatleri").contains(CASE_VIEW_TIMES);
        assertThat(visible(By.cssSelector(".kadinaile-case-view .kcv-reference")).getText()).startsWith("Şiddet Hattı — SH-");
        assertThat(browserStorage()).noneMatch(entry -> entry.contains(CASE_VIEW_NAME) || entry.contains(CASE_VIEW_PHONE_SHOWN));
        screenshot("15-vaka-bilgileri-sosyal-calisan");
        Path docs = Paths.get("docs", "screenshots");
        Files.createDirectories(docs);
        Files.copy(SCREENSHOTS.resolve("15-vaka-bilgileri-sosyal-calisan.png"), docs.resolve("tasklist-vaka-bilgileri.png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        logOut();

        Task interview = taskService.createTaskQuery().processDefinitionKey("course-enrollment")
            .taskCandidateGroup("course-coordinators").list().get(0);
        openTasklistAs("burcu.yildiz");
        openTaskById(interview.getId());
        openCaseViewTab();
        WebElement course = visible(By.cssSelector(".kadinaile-case-view dl.kcv-fields"));
        assertThat(course.getText()).contains("Telefon").containsPattern("05[0-9]{9}").contains("Kurs");
        assertThat(browser.findElements(By.cssSelector(".kadinaile-case-view form"))).isEmpty();
        String applicant = browser.findElement(By.cssSelector(".kadinaile-case-view dd[data-field='fullName']")).getText();
        screenshot("16-vaka-bilgileri-kurs-koordinatoru");

        click(By.cssSelector("a.kadinaile-person-search"));
        visible(By.id("kps-term")).sendKeys(applicant);
        click(By.cssSelector(".kadinaile-person-search-panel button[type='submit']"));
        WebElement results = visible(By.cssSelector(".kadinaile-person-search-panel table"));
        assertThat(results.getText()).contains("İZMEK kurs başvurusu").contains("Görevi aç").doesNotContain("Şiddet");
        screenshot("17-kisi-ara-kurs-koordinatoru");
        browser.findElement(By.cssSelector(".kadinaile-person-search-panel .kps-close")).click();
        logOut();
    }

    private void openCaseViewTab() {
        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Vaka bilgileri']"));
        visible(By.cssSelector(".kadinaile-case-view"));
    }
    // ================================================================================== case-view (issue 22 §1) end
}
