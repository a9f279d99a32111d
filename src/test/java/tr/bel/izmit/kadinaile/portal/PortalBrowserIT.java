package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * A citizen applies for a microcredit on her phone: Debian's headless Chromium (412×915 window) goes from the
 * list of services to the form, fills it in (select, radio buttons, consent), gets the Turkish error for a
 * wrong IBAN, fixes it, reads her tracking code and looks up her application's status with it. Screenshots
 * go to {@code target/screenshots/portal-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S"})
@ActiveProfiles("test")
class PortalBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String WRONG_IBAN = "TR330006100519786457841327";

    @LocalServerPort
    int port;

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
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=412,915",
            "--lang=tr-TR", "--user-data-dir=" + profile.toAbsolutePath());
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
