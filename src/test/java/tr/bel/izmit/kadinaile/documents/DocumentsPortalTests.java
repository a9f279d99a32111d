package tr.bel.izmit.kadinaile.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.portal.PortalApplications;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Documents through the doors people use: the portal's pages show what each service needs; the citizen uploads over
 * real HTTP with the portal's CSRF token (a PDF, a photo; refused by content, not by name; too large; empty; an unknown
 * code; no token), and only the service's staff read the files (HTTP Basic per group). Same test context as
 * {@code portal.PortalPagesTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S"})
@ActiveProfiles("test")
class DocumentsPortalTests {

    static final String MICROCREDIT = "microcredit-application";
    static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"/basvuru/belgeler\\?_csrf=([A-Za-z0-9_-]+)\"");
    static final String PASSWORD = "Belge-Test-Parola-1";
    /** A small but real PDF: Tika knows it by its "%PDF-" magic. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    /** The start of a Windows executable ("MZ" header and the DOS stub's text). */
    static final byte[] EXE = concat(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0},
        new byte[48], "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));

    @LocalServerPort
    int port;
    @Autowired
    PortalApplications applications;
    @Autowired
    DocumentCatalog catalog;
    @Autowired
    DocumentRetention retention;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> users = new java.util.ArrayList<>();

    @BeforeEach
    void staff() {
        users.add(TestUsers.create(identityService, "doc-officer-" + suffix, PASSWORD, "izgim-officers"));
        users.add(TestUsers.create(identityService, "doc-coordinator-" + suffix, PASSWORD, "course-coordinators", "market-coordinators"));
        users.add(TestUsers.create(identityService, "doc-admin-" + suffix, PASSWORD, "camunda-admin"));
        users.add(TestUsers.create(identityService, "doc-manager-" + suffix, PASSWORD, "managers"));
    }

    @AfterEach
    void removeStaff() {
        users.forEach(user -> TestUsers.remove(identityService, authorizationService, user));
    }

    // ---------------------------------------------------------------- what each service needs

    @Test
    void shouldShowTheRequiredDocumentsOnTheStartPageTheConfirmationAndTheStatusPage() throws Exception {
        RequiredDocuments microcredit = catalog.byProcess(MICROCREDIT).orElseThrow();
        assertThat(microcredit.documents()).extracting(RequiredDocument::key)
            .containsExactly("identity", "residence", "businessPlan", "ibanProof");
        assertThat(catalog.all()).extracting(RequiredDocuments::processKey)
            .contains(MICROCREDIT, "course-enrollment", "producer-onboarding", "market-stand-request");

        String code = apply();
        HttpResponse<String> start = get("/basvuru/" + MICROCREDIT, null);
        HttpResponse<String> confirmation = get("/basvuru/" + MICROCREDIT + "/tamam?kod=" + code, null);
        Session status = session(get("/basvuru/durum", null));
        HttpResponse<String> statusPage = post("/basvuru/durum", status.cookie, Map.of("_csrf", status.token, "kod", code));

        for (HttpResponse<String> page : List.of(start, confirmation, statusPage)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Gerekli belgeler", escape(microcredit.where()), escape(microcredit.deadline()));
            microcredit.documents().forEach(document -> assertThat(page.body()).contains(escape(document.label())));
        }
        assertThat(start.body()).doesNotContain("/basvuru/belgeler?kod=");
        assertThat(confirmation.body()).contains("href=\"/basvuru/belgeler?kod=" + code + "\"");
        assertThat(statusPage.body()).contains("href=\"/basvuru/belgeler?kod=" + code + "\"");
        // a stand request takes no uploads: what to show on the day, and no upload link
        HttpResponse<String> stand = get("/basvuru/market-stand-request", null);
        assertThat(stand.body()).contains("Gerekli belgeler", escape(catalog.byProcess("market-stand-request").orElseThrow().where()))
            .doesNotContain("bu siteden de yükleyebilirsiniz");
    }

    // ---------------------------------------------------------------- uploads

    @Test
    void shouldTakeAPdfAndAPhotoByTheirContentAndKeepThemOutOfTheEngine() throws Exception {
        String code = apply();
        Upload page = uploadPage(code);
        byte[] marked = concat(PDF, ("%canary-" + suffix + "\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> pdf = upload(page, code, "identity", "kimlik.pdf", "application/pdf", marked);
        // a PDF renamed .jpg, announced as a JPEG: stored as what it is
        HttpResponse<String> renamed = upload(page, code, "residence", "ikametgah.jpg", "image/jpeg", PDF);
        HttpResponse<String> photo = upload(page, code, "ibanProof", "iban.png", "image/png", PNG);

        for (HttpResponse<String> accepted : List.of(pdf, renamed, photo)) {
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.body()).contains(Texts.get("documents.upload.done"));
        }
        assertThat(photo.body()).contains("Bu başvuru için yüklediğiniz belgeler", "Nüfus cüzdanı ya da T.C. kimlik kartı", "PNG");
        assertThat(jdbc.queryForList("select document_key, content_type, size_bytes from doc_upload where case_ref = ? order by id", code))
            .extracting(row -> row.get("DOCUMENT_KEY") + " " + row.get("CONTENT_TYPE") + " " + row.get("SIZE_BYTES"))
            .containsExactly("identity application/pdf " + marked.length, "residence application/pdf " + PDF.length,
                "ibanProof image/png " + PNG.length);
        // never a process variable, never in the engine's byte arrays or history
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where BYTES_ is not null and "
            + "position(cast(? as varbinary) in BYTES_) > 0", Integer.class, ("canary-" + suffix).getBytes(StandardCharsets.US_ASCII)))
            .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ in ('dosya', 'belge') or TEXT_ like ?",
            Integer.class, "%canary-" + suffix + "%")).isZero();
    }

    @Test
    void shouldRefuseWrongEmptyAndTooLargeFilesWithTheFieldNamedAndStoreNothing() throws Exception {
        String code = apply();
        Upload page = uploadPage(code);
        byte[] textAsJpeg = "Bu bir fotoğraf değil, düz metin.".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = concat(PDF, new byte[5 * 1024 * 1024]);

        HttpResponse<String> exe = upload(page, code, "identity", "kimlik.pdf", "application/pdf", EXE);
        HttpResponse<String> notAPhoto = upload(page, code, "identity", "kimlik.jpg", "image/jpeg", textAsJpeg);
        HttpResponse<String> empty = upload(page, code, "identity", "bos.pdf", "application/pdf", new byte[0]);
        HttpResponse<String> large = upload(page, code, "identity", "buyuk.pdf", "application/pdf", tooLarge);
        HttpResponse<String> noDocument = upload(page, code, "", "kimlik.pdf", "application/pdf", PDF);
        HttpResponse<String> otherService = upload(page, code, "diploma", "diploma.pdf", "application/pdf", PDF);

        assertRefused(exe, 415, "dosya", Texts.get("documents.upload.file.wrong-type"));
        assertRefused(notAPhoto, 415, "dosya", Texts.get("documents.upload.file.wrong-type"));
        assertRefused(empty, 400, "dosya", Texts.get("documents.upload.file.empty"));
        assertRefused(large, 413, "dosya", Texts.get("documents.upload.file.too-large", 5));
        assertRefused(noDocument, 400, "belge", Texts.get("documents.upload.document.required"));
        assertRefused(otherService, 400, "belge", Texts.get("documents.upload.document.required"));
        assertThat(Texts.get("documents.upload.file.wrong-type")).startsWith("Dosya:");
        assertThat(stored(code)).isZero();
    }

    @Test
    void shouldRefuseAnUploadWithoutTheCsrfTokenOrForAnUnknownCode() throws Exception {
        String code = apply();
        Upload page = uploadPage(code);

        HttpResponse<String> noToken = send("/basvuru/belgeler", page.cookie, code, "identity", "kimlik.pdf", "application/pdf", PDF);
        HttpResponse<String> noCookie = send("/basvuru/belgeler?_csrf=" + page.token, null, code, "identity", "kimlik.pdf",
            "application/pdf", PDF);
        HttpResponse<String> wrongToken = send("/basvuru/belgeler?_csrf=" + "A".repeat(43), page.cookie, code, "identity",
            "kimlik.pdf", "application/pdf", PDF);
        for (HttpResponse<String> refused : List.of(noToken, noCookie, wrongToken)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Form doğrulanamadı");
        }
        String unknown = "MK-0000-0000".equals(code) ? "MK-0000-0001" : "MK-0000-0000";
        HttpResponse<String> unknownCode = upload(page, unknown, "identity", "kimlik.pdf", "application/pdf", PDF);
        assertRefused(unknownCode, 404, "kod", Texts.get("documents.upload.code.unknown"));
        assertThat(stored(code) + stored(unknown)).isZero();
        // the page itself looks nothing up: an unknown code of a known service shows the same form
        assertThat(get("/basvuru/belgeler?kod=" + unknown, null).body()).contains("enctype=\"multipart/form-data\"");
    }

    // ---------------------------------------------------------------- the staff's reading

    @Test
    void shouldLetOnlyTheServicesStaffReadTheFiles() throws Exception {
        String code = apply();
        Upload page = uploadPage(code);
        assertThat(upload(page, code, "identity", "kimlik.pdf", "application/pdf", PDF).statusCode()).isEqualTo(200);
        long id = jdbc.queryForObject("select id from doc_upload where case_ref = ?", Long.class, code);
        String list = "/api/staff/documents/" + MICROCREDIT + "/" + code;
        String file = list + "/" + id;

        HttpResponse<byte[]> officerFile = staff(file, "doc-officer-" + suffix, "*/*");
        assertThat(officerFile.statusCode()).isEqualTo(200);
        assertThat(officerFile.body()).isEqualTo(PDF);
        assertThat(officerFile.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(officerFile.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(officerFile.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        HttpResponse<byte[]> officerPage = staff(list, "doc-officer-" + suffix, "text/html");
        assertThat(officerPage.statusCode()).isEqualTo(200);
        assertThat(new String(officerPage.body(), StandardCharsets.UTF_8)).contains("href=\"" + file + "\"", "Vaka bilgileri");
        // managers take part in microcredit (the four-eyes approval): the policy lets them read
        assertThat(staff(file, "doc-manager-" + suffix, "*/*").statusCode()).isEqualTo(200);

        // staff of other services, the administrator, nobody logged in, a wrong password: refused
        assertThat(staff(file, "doc-coordinator-" + suffix, "*/*").statusCode()).isEqualTo(403);
        assertThat(staff(list, "doc-admin-" + suffix, "text/html").statusCode()).isEqualTo(403);
        assertThat(staff(file, null, "*/*").statusCode()).isEqualTo(401);
        assertThat(client.send(HttpRequest.newBuilder(uri(file)).header("Authorization", basic("doc-officer-" + suffix, "falsch"))
            .build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
        // the case's file is not found under another process, nor another case's id under this case
        assertThat(staff("/api/staff/documents/course-enrollment/" + code + "/" + id, "doc-coordinator-" + suffix, "*/*")
            .statusCode()).isEqualTo(404);
        assertThat(staff(list + "/" + (id + 100_000), "doc-officer-" + suffix, "*/*").statusCode()).isEqualTo(404);
        // the course coordinators read the courses' documents, but managers do not (they only observe courses)
        assertThat(staff("/api/staff/documents/course-enrollment/KR-0000-0000", "doc-coordinator-" + suffix, "application/json")
            .statusCode()).isEqualTo(200);
        assertThat(staff("/api/staff/documents/course-enrollment/KR-0000-0000", "doc-manager-" + suffix, "application/json")
            .statusCode()).isEqualTo(403);
    }

    @Test
    void shouldEraseTheFilesOfACaseTheEngineNoLongerHas() throws Exception {
        String code = apply();
        Upload page = uploadPage(code);
        assertThat(upload(page, code, "identity", "kimlik.pdf", "application/pdf", PDF).statusCode()).isEqualTo(200);
        String gone = "MK-ZZZZ-" + suffix.substring(0, 4).toUpperCase().replaceAll("[^0-9A-HJKMNP-TV-Z]", "Z");
        jdbc.update("insert into doc_upload (process_key, case_ref, document_key, content_type, size_bytes, sha256, content, uploaded_at) "
            + "values (?, ?, 'identity', 'application/pdf', 1, 'x', ?, current_timestamp)", MICROCREDIT, gone, new byte[] {1});

        assertThat(retention.eraseFilesOfGoneCases()).isGreaterThanOrEqualTo(1);

        assertThat(stored(gone)).isZero();
        assertThat(stored(code)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the officer's checklist through the engine's door

    @Test
    void shouldCheckTheOfficersChecklistOnTheServerWhenSheSubmitsTheForm() throws Exception {
        String code = apply();
        String officer = "doc-officer-" + suffix;
        Task check = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckDocuments");
        taskService.claim(check.getId(), officer);
        String submit = "/engine-rest/task/" + check.getId() + "/submit-form";

        HttpResponse<String> noReason = engineRest(submit, officer, "{\"variables\":{\"documentCheckIdentity\":{\"value\":\"OK\"},"
            + "\"documentCheckResidence\":{\"value\":\"MISSING\"},\"documentsDecision\":{\"value\":\"INCOMPLETE\"},"
            + "\"missingDocuments\":{\"value\":\"Yerleşim yeri belgesi\"}}}");
        HttpResponse<String> completeDespiteMissing = engineRest(submit, officer, "{\"variables\":{"
            + "\"documentCheckResidence\":{\"value\":\"MISSING\"},\"documentCheckResidenceReason\":{\"value\":\"Üç aydan eski\"},"
            + "\"documentsDecision\":{\"value\":\"COMPLETE\"}}}");

        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"documentCheckResidenceReason\"").doesNotContain("Exception", "ENGINE-");
        assertThat(completeDespiteMissing.statusCode()).as(completeDespiteMissing.body()).isEqualTo(400);
        assertThat(completeDespiteMissing.body()).contains("\"field\":\"documentsDecision\"",
            Texts.get("documents.checklist.complete-with-missing").replace("\"", "\\\""));
        assertThat(runtimeService.getActiveActivityIds(check.getProcessInstanceId())).containsExactly("Task_CheckDocuments");

        HttpResponse<String> agreed = engineRest(submit, officer, "{\"variables\":{"
            + "\"documentCheckResidence\":{\"value\":\"MISSING\"},\"documentCheckResidenceReason\":{\"value\":\"Üç aydan eski\"},"
            + "\"documentsDecision\":{\"value\":\"INCOMPLETE\"},\"missingDocuments\":{\"value\":\"Güncel yerleşim yeri belgesi\"}}}");
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(204);
        assertThat(runtimeService.getActiveActivityIds(check.getProcessInstanceId())).containsExactly("Gateway_WaitForDocuments");
    }

    private HttpResponse<String> engineRest(String path, String user, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, PASSWORD))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- helpers

    record Session(String cookie, String token) {
    }

    record Upload(String cookie, String token) {
    }

    private String apply() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullName", "Belge Test Başvuran");
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
        return applications.submit(MICROCREDIT, values, null).trackingCode();
    }

    private Upload uploadPage(String code) throws Exception {
        HttpResponse<String> page = get("/basvuru/belgeler?kod=" + code, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"dosya\"", "type=\"file\"", "value=\"" + code + "\"");
        Matcher token = UPLOAD_ACTION.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("PORTAL_CSRF="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        return new Upload(cookie, token.group(1));
    }

    private HttpResponse<String> upload(Upload page, String code, String document, String fileName, String contentType,
            byte[] content) throws Exception {
        return send("/basvuru/belgeler?_csrf=" + page.token, page.cookie, code, document, fileName, contentType, content);
    }

    private HttpResponse<String> send(String path, String cookie, String code, String document, String fileName, String contentType,
            byte[] content) throws Exception {
        String boundary = "----belge" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "kod", code);
        field(body, boundary, "belge", document);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dosya\"; filename=\"" + fileName
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(HttpResponse<String> refused, int status, String field, String message) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(refused.body()).contains("Belgeniz alınamadı", "href=\"#" + field + "\"", escape(message))
            .doesNotContain(Texts.get("documents.upload.done"));
    }

    private int stored(String code) {
        return jdbc.queryForObject("select count(*) from doc_upload where case_ref = ?", Integer.class, code);
    }

    private HttpResponse<byte[]> staff(String path, String user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Session session(HttpResponse<String> page) {
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("PORTAL_CSRF="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
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
        String body = String.join("&", form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .toList());
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static byte[] concat(byte[] first, byte[]... rest) {
        int length = first.length + Arrays.stream(rest).mapToInt(part -> part.length).sum();
        byte[] all = Arrays.copyOf(first, length);
        int at = first.length;
        for (byte[] part : rest) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
