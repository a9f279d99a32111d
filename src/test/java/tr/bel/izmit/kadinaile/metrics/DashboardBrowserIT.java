package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The manager's dashboard in a real browser (Debian's headless Chromium): she logs in once at the web apps'
 * welcome page as the demo manager, opens {@code /yonetim} without a second password prompt, sees the charts
 * drawn by ECharts and the tables, and downloads a table as CSV. No Content-Security-Policy violation may show
 * in the browser's console. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class DashboardBrowserIT {

    private static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private Path downloads;

    @BeforeAll
    static void requireChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("The browser test needs Chromium at %s (apt-get install -y chromium "
            + "chromium-driver; .ci/run does so), or -Dbrowser.chromium", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("The browser test needs chromedriver at %s (apt-get install -y "
            + "chromium-driver), or -Dbrowser.chromedriver", CHROMEDRIVER).isTrue();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("dashboard-browser-it");
        downloads = Files.createTempDirectory("dashboard-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + profile.toAbsolutePath(), "--lang=tr-TR");
        options.setExperimentalOption("prefs", Map.of(
            "download.default_directory", downloads.toAbsolutePath().toString(),
            "download.prompt_for_download", false,
            "intl.accept_languages", "tr-TR,tr"));
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
        try {
            if (browser != null) {
                screenshot("yonetim-zz-son-durum");
                browser.quit();
            }
        } finally {
            deleteRecursively(profile);
            deleteRecursively(downloads);
        }
    }

    @Test
    void shouldShowTheManagerHerChartsAndTablesAfterOneLoginAndLetHerDownloadACsv() throws IOException {
        // before the login: a Turkish page that leads to it
        open("/yonetim");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Oturum açmanız gerekiyor");
        click(By.linkText("Oturum aç"));

        logIn("hatice.sahin");
        open("/yonetim?period=year");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Yönetim paneli");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("tr");
        // the news first: the headline figures, each with its unit and its change in words beside the arrow, then the alerts
        WebElement summary = browser.findElement(By.id("ozet"));
        assertThat(summary.getLocation().getY()).isLessThan(browser.findElement(By.id("surecler")).getLocation().getY());
        assertThat(summary.findElement(By.cssSelector(".comparison")).getText()).contains("geçen yılın aynı dönemine göre");
        WebElement applications = summary.findElement(By.cssSelector("[data-headline='basvurular']"));
        assertThat(applications.getText()).contains("Başvurular").containsPattern("\\d+ adet")
            .containsPattern("artış|azalış|değişmedi|önceki dönemde");
        assertThat(summary.findElement(By.cssSelector("[data-headline='onay-orani'] .headline__value")).getText())
            .matches("—|[\\d.,]+ %");
        assertThat(summary.findElement(By.cssSelector("[data-headline='ortanca-sure'] .headline__value")).getText())
            .matches("—|[\\d.,]+ gün");
        WebElement alerts = browser.findElement(By.id("uyarilar"));
        assertThat(alerts.getLocation().getY()).isLessThan(browser.findElement(By.id("surecler")).getLocation().getY());
        assertThat(alerts.findElement(By.tagName("h2")).getText()).isEqualTo("Uyarılar");
        alerts.findElements(By.cssSelector(".alert")).forEach(alert -> assertThat(alert.getText()).containsPattern("(\\d+|<5) adet"));
        saveTop();
        // ECharts draws the charts of the tables into canvases
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#surecler .chart[data-drawn='true'] canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#isler .chart[data-drawn='true'] canvas")));
        List<WebElement> processRows = browser.findElements(By.cssSelector("#surecler table tbody tr"));
        assertThat(processRows).extracting(WebElement::getText)
            .anySatisfy(text -> assertThat(text).startsWith("İZGİM Faizsiz Mikrokredi Başvurusu"));
        assertThat(browser.findElement(By.cssSelector("#siddet-hatti table")).getText()).contains("Açık görev");
        assertThat(browser.findElements(By.cssSelector("#siddet-hatti .chart"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#isler table")).getText()).contains("İZGİM Memurları");
        screenshot("yonetim-01-panel");

        click(By.cssSelector("a[data-csv='surecler']"));
        Path csv = wait.until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(csv.getFileName().toString()).startsWith("surecler-");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFFSüreç;Başlatılan (adet);Devam eden (adet);Tamamlanan (adet)")
            .contains("İZGİM Faizsiz Mikrokredi Başvurusu;");

        open("/yonetim/rapor");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("faaliyet raporu");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Talep edilen tutar (TL)");
        screenshot("yonetim-02-faaliyet-raporu");

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
        assertThat(violations).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
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

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** The top of the dashboard (headlines and alerts) for the README: docs/screenshots/yonetim-ozet.png. */
    private void saveTop() {
        try {
            Path docs = Paths.get("docs", "screenshots");
            Files.createDirectories(docs);
            Files.write(docs.resolve("yonetim-ozet.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the dashboard's top", e);
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
