package tr.bel.izmit.kadinaile.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;

/**
 * An İZGİM officer's morning at the desk in a real browser (Debian's headless Chromium): the desk sends her to the
 * Tasklist login, she logs in once, follows Tasklist's «İZGİM masası» link, registers a child at the children's
 * library with her parent's consent and records the child's visit on the card, creates a seminar, a citizen registers
 * on the portal, and after the start the officer records that she attended. The pages fit a phone's width, and no
 * Content-Security-Policy violation shows in the console. Screenshots: target/screenshots/, and for the README
 * docs/screenshots/izgim-desk-library.png and izgim-desk-seminars.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class IzgimDeskBrowserIT {

    private static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path README_SCREENSHOTS = Paths.get("docs", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Tasklist's first page of a freshly started application on a machine busy with other builds takes long. */
    private static final Duration FIRST_PAGE_PATIENCE = Duration.ofSeconds(240);
    private static final Pattern CARD = Pattern.compile("KK-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    static void requireChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("The browser test needs Chromium at %s (apt-get install -y chromium "
            + "chromium-driver; .ci/run does so), or -Dbrowser.chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("The browser test needs chromedriver at %s (apt-get install -y "
            + "chromium-driver), or -Dbrowser.chromedriver", CHROMEDRIVER).isTrue();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(README_SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("izgim-desk-browser-it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
            "--user-data-dir=" + profile.toAbsolutePath(), "--lang=tr-TR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "tr-TR,tr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        ClockUtil.reset();
        try {
            if (browser != null) {
                screenshot(SCREENSHOTS.resolve("izgim-masa-zz-son-durum.png"));
                // for the reader of a failed run: what the browser said
                browser.manage().logs().get(LogType.BROWSER).getAll()
                    .forEach(entry -> System.out.println("browser console: " + entry.getLevel() + " " + entry.getMessage()));
                browser.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    @Test
    void shouldLetAnOfficerRegisterAChildRecordHerVisitCreateASeminarAndRecordAttendance() {
        // not logged in: a Turkish page that leads to the Tasklist login
        open("/izgim");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Oturum açmanız gerekiyor");
        click(By.linkText("Tasklist'te oturum aç"));
        logIn("ayse.yilmaz");

        // Tasklist's top bar shows her the desk
        click(By.cssSelector("[cam-widget-header] a.kadinaile-izgim-desk"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "İZGİM masası"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("tr");
        // from here on the console speaks of the desk's pages (and the portal's) only: what Tasklist logged is read away
        browser.manage().logs().get(LogType.BROWSER);
        click(By.linkText("Çocuk kütüphanesi"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Çocuk kütüphanesi"));

        // a refused registration: the messages at their fields, in Turkish
        type("kayit-firstName", "Ela Deniz");
        type("kayit-birthYear", String.valueOf(LocalDate.now().getYear() - 6));
        type("kayit-parentName", "Sevda Masaüstü");
        type("kayit-parentPhone", "0533 12");
        click(By.xpath("//button[normalize-space(.)='Çocuğu kaydet ve kart numarası ver']"));
        assertThat(visible(By.id("kayit-parentPhone-hata")).getText()).isEqualTo("Velinin cep telefonu 05XX XXX XX XX biçiminde olmalıdır.");
        assertThat(browser.findElement(By.id("kayit-consent-hata")).getText()).isEqualTo("Velinin açık rızası alınmadan çocuk kaydedilemez.");
        assertThat(browser.findElement(By.id("kayit-firstName")).getDomProperty("value")).isEqualTo("Ela Deniz");
        screenshot(SCREENSHOTS.resolve("izgim-masa-01-kayit-hatasi.png"));

        // corrected: registered, the card opens with her card number
        browser.findElement(By.id("kayit-parentPhone")).clear();
        type("kayit-parentPhone", "0533 123 45 67");
        click(By.id("kayit-consent"));
        click(By.xpath("//button[normalize-space(.)='Çocuğu kaydet ve kart numarası ver']"));
        WebElement notice = visible(By.cssSelector(".notice"));
        assertThat(notice.getText()).startsWith("Çocuk kaydedildi. Üyelik kartı numarası: KK-");
        Matcher card = CARD.matcher(notice.getText());
        assertThat(card.find()).isTrue();
        WebElement opened = visible(By.id("acik-kart"));
        assertThat(opened.getText()).contains(card.group(), "Ela Deniz", "Sevda Masaüstü", "0533 123 45 67");

        // her visit, from the card
        click(By.xpath("//section[@id='acik-kart']//button[normalize-space(.)='Bugünkü ziyaretini kaydet']"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Ziyaret kaydedildi."));
        assertThat(visible(By.id("acik-kart")).getText()).contains("Bugünkü ziyareti kaydedildi.");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("[data-figure='childVisits']")).getText())).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from izl_visit v join izl_child c on c.id = v.child_id "
            + "where c.card_number = ? and v.visit_day = ?", Integer.class, card.group(), LocalDate.now(ClockConfiguration.ISTANBUL)))
            .isEqualTo(1);
        screenshot(README_SCREENSHOTS.resolve("izgim-desk-library.png"));
        assertFitsAPhone("izgim-masa-02-kutuphane-telefon.png");

        // a seminar that starts in two hours, for two
        click(By.linkText("Seminerler"));
        click(By.linkText("Yeni seminer"));
        LocalDateTime start = LocalDateTime.now(ClockConfiguration.ISTANBUL).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        type("seminer-title", "Masa Semineri: Çocukla Kitap Okumak");
        select("seminer-kind", "Atölye");
        setValue("seminer-startsAt", start.toString());
        setValue("seminer-endsAt", start.plusMinutes(90).toString());
        type("seminer-place", "İZGİM Çocuk Kütüphanesi, İzmit");
        type("seminer-capacity", "2");
        click(By.xpath("//button[normalize-space(.)='Semineri oluştur']"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Seminer oluşturuldu. Portaldaki kayıt sayfası açıldı."));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Masa Semineri: Çocukla Kitap Okumak");
        String seminarPage = browser.getCurrentUrl();
        String portalPage = browser.findElement(By.xpath("//dt[normalize-space(.)='Portaldaki kayıt sayfası']/following-sibling::dd[1]/a"))
            .getAttribute("href");

        // a citizen registers on the portal
        browser.get(portalPage);
        type("fullName", "Hülya Okur");
        type("phone", "0532 765 43 21");
        click(By.cssSelector("form.application button[type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Kaydınız alındı"));

        // after the start the officer records who attended
        ClockUtil.setCurrentTime(Date.from(start.plusMinutes(30).atZone(ClockConfiguration.ISTANBUL).toInstant()));
        browser.get(seminarPage);
        WebElement row = visible(By.xpath("//tr[th[normalize-space(.)='Hülya Okur']]"));
        assertThat(row.getText()).contains("0532 765 43 21", "—");
        row.findElement(By.xpath(".//button[normalize-space(.)='Katıldı']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Katılım kaydedildi: katıldı."));
        assertThat(visible(By.xpath("//tr[th[normalize-space(.)='Hülya Okur']]/td[contains(@class,'attendance')]")).getText())
            .isEqualTo("Katıldı");
        assertThat(browser.findElement(By.cssSelector("[data-figure='attended']")).getText()).isEqualTo("1 kişi katıldı");
        assertThat(jdbc.queryForObject("select attended from izs_registration where full_name = 'Hülya Okur'", Boolean.class)).isTrue();
        screenshot(README_SCREENSHOTS.resolve("izgim-desk-seminars.png"));
        assertFitsAPhone("izgim-masa-03-seminer-telefon.png");

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
        assertThat(violations).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** At a phone's width (390 CSS pixels) the page needs no sideways scrolling; the window is restored after. */
    private void assertFitsAPhone(String screenshotName) {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            wait.until(driver -> ((Number) script("return window.innerWidth")).intValue() <= 400);
            screenshot(SCREENSHOTS.resolve(screenshotName));
            long overflow = ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
            Object wider = script("const width = document.documentElement.clientWidth;"
                + "return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > width + 1)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12);");
            assertThat(overflow).as("sideways scrolling at a phone's width, elements past the edge: %s", wider).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user) {
        // on a machine starved of CPU, Tasklist's module loader gives up on a slow module ("Load timeout for modules")
        // and the page stays a spinner: load it again (the browser has most of it cached by then)
        for (int attempt = 1; attempt < 3 && browser.findElements(By.cssSelector("input[ng-model='username']")).isEmpty(); attempt++) {
            try {
                new WebDriverWait(browser, FIRST_PAGE_PATIENCE.dividedBy(3))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']")));
            } catch (org.openqa.selenium.TimeoutException stuck) {
                browser.navigate().refresh();
            }
        }
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
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    private void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.sendKeys(text);
    }

    private void select(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(visible(By.id(id))).selectByVisibleText(visibleText);
    }

    /** A date-time field's value as the browser's picker would set it ({@code 2026-12-07T14:00}). */
    private void setValue(String id, String value) {
        script("arguments[0].value = arguments[1]", visible(By.id(id)), value);
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

    private void screenshot(Path file) {
        try {
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + file, e);
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
