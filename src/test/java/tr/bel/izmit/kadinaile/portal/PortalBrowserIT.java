package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.courses.Course;
import tr.bel.izmit.kadinaile.courses.CourseCentreRepository;
import tr.bel.izmit.kadinaile.courses.CourseRepository;
import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.courses.InstructorRepository;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * A citizen on her phone: Debian's headless Chromium (a 390×844 phone viewport) goes from the list of services to the form, fills
 * it in (select, radio buttons, consent), gets the Turkish error for a wrong IBAN, fixes it, reads her tracking code
 * and looks up her application's status with it; finds a course in the course list and applies with "Bu kursa başvur",
 * sees where she stands and withdraws after confirming; reads the decision on her approved loan; leaves with the quick
 * exit, which leaves no history entry behind. Screenshots go to {@code target/screenshots/portal-*.png}, those the
 * README shows to {@code docs/screenshots}. The neutral site of the quick exit resolves to a closed local port, so no
 * request leaves the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S"})
@ActiveProfiles("test")
class PortalBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String WRONG_IBAN = "TR330006100519786457841327";
    static final Path DOCS_SCREENSHOTS = Path.of("docs", "screenshots");
    static final String NEUTRAL_SITE = "https://www.google.com.tr/";

    @LocalServerPort
    int port;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PortalApplications applications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;

    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
            .as("The browser test needs Debian's headless Chromium: %s and %s were not found. "
                + "Install them with: apt-get install chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
            .isTrue();
        profile = Files.createTempDirectory("portal-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=390,844",
            "--host-resolver-rules=MAP www.google.com.tr 127.0.0.1:9",
            "--lang=tr-TR", "--user-data-dir=" + profile.toAbsolutePath());
        // a phone's viewport: headless Chromium keeps a window at least 500 px wide, so the page is emulated at 390 px
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 1.0)));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void shouldLetACitizenApplyOnHerPhoneAndFollowHerApplication() throws IOException {
        driver.get("http://localhost:" + port + "/basvuru");
        WebElement open = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/basvuru/microcredit-application']")));
        // every service of the directorate is open online: each has its form link
        assertThat(driver.findElements(By.cssSelector("a[href^='/basvuru/']"))).extracting(link -> link.getAttribute("href"))
            .anyMatch(href -> href.endsWith("/basvuru/course-enrollment"))
            .anyMatch(href -> href.endsWith("/basvuru/producer-onboarding"))
            .anyMatch(href -> href.endsWith("/basvuru/market-stand-request"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("yakında açılacak");
        screenshot("portal-1-services");
        open.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-fullName"))).sendKeys("Ayten Test Başvuran");
        driver.findElement(By.id("f-tcKimlikNo")).sendKeys(IdentityNumbers.randomTcKimlikNo());
        driver.findElement(By.id("f-phone")).sendKeys("05321234567");
        new Select(driver.findElement(By.id("f-district"))).selectByVisibleText("İzmit");
        driver.findElement(By.id("f-neighbourhood")).sendKeys("Kozluk");
        // the membership date appears only for members (the page's own small script), like in Tasklist
        WebElement memberSince = driver.findElement(By.id("f-memberSince"));
        wait.until(ExpectedConditions.invisibilityOf(memberSince));
        click(radio("izgimMember", "MEMBER"));
        wait.until(ExpectedConditions.visibilityOf(memberSince));
        click(radio("izgimMember", "NOT_MEMBER"));
        wait.until(ExpectedConditions.invisibilityOf(memberSince));
        new Select(driver.findElement(By.id("f-sector"))).selectByValue("FOOD");
        driver.findElement(By.id("f-businessSummary")).sendKeys("Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        driver.findElement(By.id("f-requestedAmount")).sendKeys("2500");
        click(radio("termMonths", "10"));
        driver.findElement(By.id("f-iban")).sendKeys(WRONG_IBAN);
        click(driver.findElement(By.id("f-kvkkConsent")));
        assertThat(driver.findElement(By.id("f-kvkkConsent")).isSelected()).isTrue();
        scrollTo(driver.findElement(By.id("f-iban")));
        screenshot("portal-2-form");
        click(driver.findElement(By.cssSelector("form.application button[type=submit]")));

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hata-ozeti")));
        assertThat(summary.getText()).contains("Lütfen aşağıdaki bilgileri düzeltin", "IBAN geçerli değil");
        assertThat(driver.findElement(By.id("f-iban-hata")).getText()).contains("IBAN geçerli değil");
        assertThat(driver.findElement(By.id("f-fullName")).getAttribute("value")).isEqualTo("Ayten Test Başvuran");
        assertThat(radio("termMonths", "10").isSelected()).isTrue();
        assertThat(driver.findElement(By.id("f-kvkkConsent")).isSelected()).isTrue();
        screenshot("portal-3-error");

        WebElement iban = driver.findElement(By.id("f-iban"));
        iban.clear();
        iban.sendKeys(PortalPagesTests.VALID_IBAN);
        click(driver.findElement(By.cssSelector("form.application button[type=submit]")));

        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("takip-kodu"))).getText().strip();
        assertThat(code).matches("MK-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(driver.getCurrentUrl()).contains("/basvuru/microcredit-application/tamam");
        screenshot("portal-4-confirmation");

        click(driver.findElement(By.id("durum-sayfasi")));
        WebElement codeInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kod")));
        codeInput.sendKeys(code);
        click(driver.findElement(By.cssSelector("form.status-form button[type=submit]")));

        WebElement steps = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.steps")));
        assertThat(steps.getText()).contains("Başvurunuz alındı");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(code);
        screenshot("portal-5-status");
    }

    @Test
    void shouldLetACitizenApplyForACourseFromTheListSeeWhereSheStandsAndWithdrawAfterConfirming() throws IOException {
        CourseTestData data = new CourseTestData(centres, instructors, courses);
        Course open = data.course(5);
        Course full = data.course(1);
        jdbc.update("update crs_course set seats_taken = capacity where id = ?", full.getId());
        String centre = data.centre().getName();

        driver.get(url("/basvuru"));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Başvuruya açık kursları ve boş yerleri görün"))));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        // the search field fills the phone's width and is as tall as a finger
        assertThat(search.getSize().getWidth()).isGreaterThan(300);
        assertThat(search.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        search.sendKeys(centre);
        click(driver.findElement(By.cssSelector("form.filters button[type=submit]")));

        WebElement openItem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-course='" + open.getCode() + "']")));
        WebElement fullItem = driver.findElement(By.cssSelector("li[data-course='" + full.getCode() + "']"));
        assertThat(fullItem.getText()).contains("Kontenjan dolu", "Yedek listeye yazıl").doesNotContain("Bu kursa başvur");
        assertThat(fullItem.findElement(By.cssSelector("a.course__apply")).getAttribute("href"))
            .endsWith("/basvuru/course-enrollment?courseCode=" + full.getCode());
        assertThat(openItem.getText()).contains("Boş yer: 5", "Bu kursa başvur");
        saveScreenshot(DOCS_SCREENSHOTS.resolve("portal-kurs-listesi.png"));
        click(openItem.findElement(By.cssSelector("a.course__apply")));

        WebElement courseCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-courseCode")));
        assertThat(courseCode.getAttribute("value")).isEqualTo(open.getCode());
        driver.findElement(By.id("f-fullName")).sendKeys("Ayten Test Başvuran");
        driver.findElement(By.id("f-tcKimlikNo")).sendKeys(IdentityNumbers.randomTcKimlikNo());
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '1990-04-12';", driver.findElement(By.id("f-birthDate")));
        driver.findElement(By.id("f-phone")).sendKeys("05321234567");
        new Select(driver.findElement(By.id("f-district"))).selectByVisibleText("İzmit");
        click(driver.findElement(By.id("f-kvkkConsent")));
        click(driver.findElement(By.cssSelector("form.application button[type=submit]")));

        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("takip-kodu"))).getText().strip();
        assertThat(code).matches("KR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        click(driver.findElement(By.cssSelector("form.inline-form button[type=submit]")));

        WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("karar")));
        assertThat(decision.getText()).contains("Kaydınız yapıldı — Dikiş Nakış (" + open.getCode() + ")", "Kurs merkezi: " + centre,
            "İlk gün: " + TurkishFormats.DATE.format(open.getStartsOn()));
        assertThat(driver.findElements(By.cssSelector("ol.steps .steps__item--ahead"))).extracting(WebElement::getText)
            .anyMatch(text -> text.contains("Kurs bitecek"));
        assertThat(driver.findElement(By.cssSelector("ol.steps .steps__item--current")).getText()).contains("Kursun başlaması bekleniyor");
        assertThat(driver.findElement(By.cssSelector(".contact a[href^='tel:']")).getText()).isEqualTo("0262 318 11 84");
        screenshot("portal-6-course-status");

        // the browser's dialog asks first: "no" keeps the application
        click(driver.findElement(By.cssSelector("form.withdraw-form button[type=submit]")));
        assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).contains("geri çekmek istediğinize emin misiniz");
        driver.switchTo().alert().dismiss();
        assertThat(driver.findElement(By.id("karar")).getText()).contains("Kaydınız yapıldı");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

        click(driver.findElement(By.cssSelector("form.withdraw-form button[type=submit]")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")));
        assertThat(notice.getText()).contains("Başvurunuz geri çekildi");
        assertThat(driver.findElement(By.id("karar")).getText()).contains("Başvurunuzu geri çektiniz");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        screenshot("portal-7-withdrawn");
    }

    @Test
    void shouldShowTheDecisionOnAnApprovedLoanOnHerPhone() throws IOException {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        PortalPagesTests.validValues().forEach((key, value) -> entries.put(key, List.of(value)));
        entries.put("requestedAmount", List.of("3500"));
        String code = applications.submit("microcredit-application",
            PortalFormBinder.bind(applications.form("microcredit-application"), entries), null).trackingCode();
        MicrocreditDecisions staff = new MicrocreditDecisions(runtimeService, taskService, identityService, managementService);
        staff.approve(code, 3500);
        staff.disburse(code);

        driver.get(url("/basvuru/durum"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kod"))).sendKeys(code);
        click(driver.findElement(By.cssSelector("form.status-form button[type=submit]")));

        WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("karar")));
        LocalDate firstDue = LocalDate.now(ZoneId.of("Europe/Istanbul")).plusMonths(1);
        assertThat(decision.getText()).contains("Onaylandı — 3.500 TL, 10 × 350 TL, ilk taksit " + TurkishFormats.DATE.format(firstDue));
        assertThat(driver.findElements(By.cssSelector("ol.steps .steps__item--done"))).extracting(WebElement::getText)
            .anyMatch(text -> text.contains("Belgeleriniz kontrol edildi"))
            .anyMatch(text -> text.contains("Krediniz hesabınıza gönderildi"));
        assertThat(driver.findElement(By.cssSelector(".contact a[href='tel:02623181183']")).isDisplayed()).isTrue();
        // nothing wider than the phone
        assertThat((Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;"))
            .isLessThanOrEqualTo(390L);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 170);",
            driver.findElement(By.cssSelector("section.status h2")));
        saveScreenshot(DOCS_SCREENSHOTS.resolve("portal-kredi-onaylandi.png"));
    }

    @Test
    void shouldLeaveForANeutralSiteWithTheQuickExitAndLeaveNoHistoryEntryBehind() {
        driver.get(url("/basvuru/kvkk"));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("footer a[href='/basvuru/durum']"))));
        wait.until(ExpectedConditions.urlContains("/basvuru/durum"));
        // one Tab after the skip link, then Enter: by keyboard alone
        WebElement exit = driver.findElement(By.id("hizli-cikis"));
        assertThat(exit.getText()).isEqualTo("Hızlı çıkış");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("hizli-cikis");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlToBe(NEUTRAL_SITE));
        // the status page was replaced, not left behind: back leads to the page before it
        driver.navigate().back();
        wait.until(ExpectedConditions.urlContains("/basvuru/"));
        assertThat(driver.getCurrentUrl()).endsWith("/basvuru/kvkk");

        // Esc twice does the same from any page
        driver.get(url("/basvuru/kurslar"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        new Actions(driver).sendKeys(Keys.ESCAPE).pause(Duration.ofMillis(150)).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.urlToBe(NEUTRAL_SITE));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void saveScreenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private WebElement radio(String name, String value) {
        List<WebElement> radios = driver.findElements(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
        assertThat(radios).hasSize(1);
        return radios.get(0);
    }

    private void click(WebElement element) {
        scrollTo(element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    // ---------------------------------------------------------------- documents (helper "documents"): the citizen uploads
    // a document on her phone with her tracking code; a file that is no PDF or photo is refused at the field

    @Test
    void shouldLetACitizenUploadADocumentOnHerPhone(@org.springframework.beans.factory.annotation.Autowired
            PortalApplications applications) throws IOException {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("fullName", "Ayten Belge Yükleyen");
        values.put("tcKimlikNo", IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte üretip satıyorum.");
        values.put("requestedAmount", 3000L);
        values.put("termMonths", "10");
        values.put("iban", IdentityNumbers.randomTurkishIban());
        values.put("kvkkConsent", true);
        String code = applications.submit("microcredit-application", values, null).trackingCode();
        Path files = Files.createTempDirectory("portal-upload-");
        Path pdf = Files.writeString(files.resolve("kimlik.pdf"), "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        Path fake = Files.writeString(files.resolve("ikametgah.pdf"), "Bu bir PDF değil, düz metin.");

        driver.get("http://localhost:" + port + "/basvuru/microcredit-application/tamam?kod=" + code);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gerekli-belgeler"))).getText())
            .contains("Gerekli belgeler", "İş planı", "IBAN belgesi");
        click(driver.findElement(By.id("belge-yukle")));

        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("belge-residence"))));
        driver.findElement(By.id("dosya")).sendKeys(fake.toAbsolutePath().toString());
        click(driver.findElement(By.id("belge-gonder")));
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hata-ozeti")));
        assertThat(summary.getText()).contains("Dosya:", "PDF, JPEG ya da PNG değil");
        assertThat(driver.findElement(By.id("dosya-hata")).getText()).contains("PDF, JPEG ya da PNG değil");
        screenshot("portal-6-document-refused");

        click(radio("belge", "identity"));
        driver.findElement(By.id("dosya")).sendKeys(pdf.toAbsolutePath().toString());
        click(driver.findElement(By.id("belge-gonder")));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("belge-alindi"))).getText()).contains("Belgeniz alındı");
        assertThat(driver.findElement(By.id("yuklenenler")).getText()).contains("Nüfus cüzdanı ya da T.C. kimlik kartı", "PDF");
        screenshot("portal-7-document-uploaded");
    }
    // ---------------------------------------------------------------- end of documents
}
