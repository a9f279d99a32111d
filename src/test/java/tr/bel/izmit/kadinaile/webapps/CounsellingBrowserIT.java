package tr.bel.izmit.kadinaile.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;

/**
 * İZGİM counselling from the citizen's request to the closure, in a real browser (Debian's headless Chromium through
 * chromedriver, as {@link TasklistBrowserIT}, with the same application context): a woman asks for adult psychological
 * counselling on the portal; the İZGİM officer does the intake in Tasklist and assigns the psychologist; the
 * psychologist plans a series of three sessions in Tasklist, sees them under "Seanslarım" (scripts/izgim-sessions.js),
 * records two no-shows there once their hours have come, is told that the decision task was created, opens it,
 * closes the case and gives the outcome. The officer sees no "Seanslarım".
 * <p>
 * Time: the sessions lie in the future, so the test sets the engine's clock (which the application's clock follows,
 * {@link ClockConfiguration}) to a Monday morning before the request and moves it to each session's hour before the
 * psychologist records it; nobody waits for real time. The engine's jobs (the notices, the booking, the cancellation
 * of the rest of the series) are run by the test, as the job executor would, since the test profile switches it off.
 * Screenshots go to target/screenshots/izgim-*.png; docs/screenshots/izgim-seanslarim.png and
 * docs/screenshots/izgim-on-degerlendirme.png are copied for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class CounsellingBrowserIT {

    private static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path DOCS_SCREENSHOTS = Paths.get("docs", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_PAGE_PATIENCE = Duration.ofSeconds(180);

    private static final String PROCESS = "izgim-counselling";
    /** A Monday without holidays around it (2027's Ramazan Bayramı, 9–11 March, lies between the sessions). */
    private static final LocalDateTime REQUESTED_AT = LocalDateTime.of(2027, 3, 1, 9, 30);
    private static final String CLIENT_NAME = "Ayten Kanarya-DN-5521";
    private static final String CLIENT_REASON = "Sınav döneminde yoğun kaygı ve uykusuzluk yaşıyorum.";
    private static final String OFFICER = "ayse.yilmaz";
    private static final String PSYCHOLOGIST = "zeynep.aksoy";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    static void requireChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
            .as("The browser test needs Debian's headless Chromium at %s and chromedriver at %s: apt-get install -y chromium "
                + "chromium-driver (.ci/run does so in CI), or point -Dbrowser.chromium / -Dbrowser.chromedriver elsewhere.",
                CHROMIUM, CHROMEDRIVER)
            .isTrue();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOCS_SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("counselling-browser-it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--lang=tr-TR", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        now(REQUESTED_AT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        ClockUtil.reset();
        try {
            if (browser != null) {
                screenshot("izgim-zz-son-durum");
                browser.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    @Test
    void shouldCarryACounsellingRequestFromThePortalThroughIntakeSessionsAndNoShowsToItsClosure() throws IOException {
        // the citizen asks for adult psychological counselling on the portal
        open("/basvuru/" + PROCESS);
        click(new WebDriverWait(browser, FIRST_PAGE_PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("input[type=radio][name='service'][value='ADULT_PSYCHOLOGY']"))));
        browser.findElement(By.id("f-fullName")).sendKeys(CLIENT_NAME);
        browser.findElement(By.id("f-phone")).sendKeys("05321239876");
        browser.findElement(By.id("f-reason")).sendKeys(CLIENT_REASON);
        click(browser.findElement(By.cssSelector("input[type=checkbox][name='preferredTimes'][value='WEEKDAY_MORNING']")));
        click(browser.findElement(By.id("f-kvkkConsent")));
        screenshot("izgim-01-portal-talep");
        click(browser.findElement(By.cssSelector("form.application button[type=submit]")));
        String code = visible(By.id("takip-kodu")).getText().strip();
        assertThat(code).matches("DN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        screenshot("izgim-02-portal-takip-kodu");
        ProcessInstance request = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(code).singleResult();
        assertThat(request).as("the request started the process").isNotNull();

        // the İZGİM officer does the intake in Tasklist and assigns the psychologist; she has no "Seanslarım"
        Task intake = task(code, "Task_Intake");
        open("/camunda/app/tasklist/default/");
        logIn(OFFICER);
        assertNoSessionsLink();
        openTask(intake);
        click(By.cssSelector(".task-details button.claim"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details li.assignee"), "Ayşe Yılmaz"));
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Uzmana ata']"));
        click(By.cssSelector("[id$='Field_professionalId-display']"));
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='Zeynep Aksoy']"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[id$='Field_professionalId-display']"), "Zeynep Aksoy"));
        screenshot("izgim-03-on-degerlendirme");
        Files.copy(SCREENSHOTS.resolve("izgim-03-on-degerlendirme.png"), DOCS_SCREENSHOTS.resolve("izgim-on-degerlendirme.png"),
            StandardCopyOption.REPLACE_EXISTING);
        complete();
        waitUntilDone(intake);
        runJobs(code);
        logOut();

        // the psychologist plans a series of three sessions
        Task plan = task(code, "Task_PlanSeries");
        assertThat(plan.getAssignee()).isEqualTo(PSYCHOLOGIST);
        logIn(PSYCHOLOGIST);
        openTask(plan);
        WebElement count = visible(By.cssSelector("input[id$='Field_sessionCount']"));
        count.sendKeys("3");
        screenshot("izgim-04-seri-planla");
        complete();
        waitUntilDone(plan);
        runJobs(code);
        List<Map<String, Object>> sessions = jdbc.queryForList(
            "select id, slot_start from izg_session where tracking_code = ? order by slot_start", code);
        assertThat(sessions).as("the series is in her calendar").hasSize(3);
        LocalDateTime first = start(sessions.get(0));
        LocalDateTime second = start(sessions.get(1));
        assertThat(first).isAfter(REQUESTED_AT.plusHours(23));

        // "Seanslarım": her sessions of today and the coming days, by tracking code, never by name
        click(By.cssSelector("a.kadinaile-izgim-sessions-link"));
        WebElement page = visible(By.cssSelector(".kadinaile-izgim-sessions table"));
        assertThat(page.findElement(By.xpath("ancestor::section")).getText()).contains(code).contains("Danışma Odası")
            .contains("Psikolojik danışmanlık (yetişkin)").contains("Planlandı").doesNotContain(CLIENT_NAME);
        assertThat(buttons(first, "Geldi")).as("not begun yet: nothing to record").isEmpty();
        assertThat(buttons(first, "İptal")).as("a future session may be cancelled").hasSize(1);
        screenshot("izgim-05-seanslarim-plan");

        // the first session's hour has come: she did not come
        now(first.plusMinutes(55));
        click(By.xpath("//div[contains(@class,'kis-nav')]//button[normalize-space(.)='Bugün']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kadinaile-izgim-sessions"), "Bugün —"));
        WebElement noShow = buttons(first, "Gelmedi").get(0);
        assertThat(noShow.getAttribute("aria-label")).contains(code);
        assertThat(buttons(first, "Geldi")).hasSize(1);
        noShow.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kadinaile-izgim-sessions .kis-status"),
            "kaydedildi: Gelmedi"));
        assertThat(browser.findElement(By.cssSelector(".kadinaile-izgim-sessions .kis-status")).getText())
            .doesNotContain("Karar görevi");
        assertThat(sessionStatus(sessions.get(0))).isEqualTo("NO_SHOW");

        // the second one too: the process creates the decision task, and the page says so
        now(second.plusMinutes(30));
        click(By.xpath("//div[contains(@class,'kis-nav')]//button[normalize-space(.)='Bugün']"));
        wait.until(driver -> !buttons(second, "Gelmedi").isEmpty());
        buttons(second, "Gelmedi").get(0).click();
        wait.until(driver -> sessionStatus(sessions.get(1)).equals("NO_SHOW"));
        Task decision = task(code, "Task_ConfirmNoShows");
        assertThat(decision.getAssignee()).isEqualTo(PSYCHOLOGIST);
        WebElement status = visible(By.cssSelector(".kadinaile-izgim-sessions .kis-status.kis-decision"));
        assertThat(status.getText()).contains("kaydedildi: Gelmedi").contains("Karar görevi oluşturuldu")
            .contains("İki kez gelmedi: karar ver (" + code + ")");
        screenshot("izgim-06-seanslarim-karar-gorevi");
        Files.copy(SCREENSHOTS.resolve("izgim-06-seanslarim-karar-gorevi.png"), DOCS_SCREENSHOTS.resolve("izgim-seanslarim.png"),
            StandardCopyOption.REPLACE_EXISTING);

        // she opens the decision task from there and closes the case: the client stopped coming
        click(By.cssSelector(".kadinaile-izgim-sessions a.kis-task-link"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-details h2.task"), decision.getName()));
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Vakayı kapat']"));
        screenshot("izgim-07-karar-vakayi-kapat");
        complete();
        waitUntilDone(decision);
        Task closure = task(code, "Task_CloseCase");
        openTask(closure);
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Danışan bıraktı']"));
        screenshot("izgim-08-vakayi-kapat");
        complete();
        waitUntilDone(closure);
        runJobs(code);

        HistoricProcessInstance closed = historyService.createHistoricProcessInstanceQuery().processInstanceId(request.getId())
            .singleResult();
        assertThat(closed.getEndTime()).as("the case is closed").isNotNull();
        assertThat(closed.getEndActivityId()).isEqualTo("EndEvent_StoppedByClient");
        assertThat(sessionStatus(sessions.get(2))).as("the rest of the series is cancelled").isEqualTo("CANCELLED");
        logOut();
    }

    // ------------------------------------------------------------------------------------------ the application

    /** Sets the engine's clock, which the application's follows, to this Turkish time. */
    private static void now(LocalDateTime turkishTime) {
        ClockUtil.setCurrentTime(Date.from(turkishTime.atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    private Task task(String code, String activity) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(activity).list();
        assertThat(tasks).as("the task " + activity + " of " + code).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the case's due jobs (notices, booking, cancellations) as the job executor would. */
    private void runJobs(String code) {
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("the jobs of " + code + " keep coming");
    }

    private static LocalDateTime start(Map<String, Object> session) {
        return ((Timestamp) session.get("slot_start")).toLocalDateTime();
    }

    private String sessionStatus(Map<String, Object> session) {
        return jdbc.queryForObject("select status from izg_session where id = ?", String.class, session.get("id"));
    }

    // ------------------------------------------------------------------------------------------ the browser

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user) {
        // the login form may render twice while the app starts: type until both fields hold what was typed
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
        visible(By.cssSelector(".task-filters .task-filter.active"));
        // the list is sorted by due date (scripts/task-list.js), which reloads it once after login
        wait.until(driver -> String.valueOf(((JavascriptExecutor) driver).executeScript("return window.location.hash")).contains("dueDate"));
        if (PSYCHOLOGIST.equals(user)) {
            visible(By.cssSelector("a.kadinaile-izgim-sessions-link"));
        }
    }

    private void logOut() {
        click(By.cssSelector("[cam-widget-header] li.account a.dropdown-toggle"));
        click(By.cssSelector("[cam-widget-header] li.logout a"));
        visible(By.cssSelector("input[ng-model='username']"));
    }

    /** The header's plugins have answered (the person search is hers) and there is no "Seanslarım" among them. */
    private void assertNoSessionsLink() {
        visible(By.cssSelector("a.kadinaile-person-search"));
        pause(Duration.ofSeconds(2));
        assertThat(browser.findElements(By.cssSelector("a.kadinaile-izgim-sessions-link"))).isEmpty();
    }

    private void openTask(Task task) {
        open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-details h2.task"), task.getName()));
        visible(By.cssSelector(".task-details .fjs-container"));
    }

    private void complete() {
        WebElement button = browser.findElement(By.cssSelector(".form-actions button[ng-click='complete()']"));
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private void waitUntilDone(Task task) {
        wait.until(driver -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    /** The buttons labelled {@code label} in the row of the session that starts at {@code start}. */
    private List<WebElement> buttons(LocalDateTime start, String label) {
        String datetime = start.toString().length() == 16 ? start + ":00" : start.toString();
        return browser.findElements(By.xpath("//section[contains(@class,'kadinaile-izgim-sessions')]//tr[.//time[@datetime='"
            + datetime + "']]//button[normalize-space(.)='" + label + "']"));
    }

    private WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void click(By locator) {
        click(wait.until(ExpectedConditions.elementToBeClickable(locator)));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
