package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormSchema;

/**
 * The portal's JSON API. The validation cases are generated from the public forms themselves: every rule of
 * every field (required, lengths, ranges, pattern, options, domain validators) is broken once, so a new
 * field or rule is covered without touching this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S",
    "app.portal.rate-limit.withdrawal-capacity=1000"})
@ActiveProfiles("test")
public class PublicApiTests {

    private static final Map<String, String> INVALID_BY_VALIDATOR = Map.of(
        FormField.VALIDATOR_TC_KIMLIK_NO, "19000000089",
        FormField.VALIDATOR_IBAN, "TR330006100519786457841327",
        FormField.VALIDATOR_MOBILE_PHONE, "02121234567",
        FormField.VALIDATOR_VERGI_KIMLIK_NO, "2701341845");

    @Autowired
    TestRestTemplate http;
    @Autowired
    PortalCatalog catalog;
    @Autowired
    PortalApplications applications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @TestFactory
    Stream<DynamicTest> shouldRejectEveryBrokenRuleOfEveryPublicFormNamingTheField() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PortalProcess process : catalog.all()) {
            if (!process.isOpen()) {
                continue;
            }
            FormSchema form = applications.form(process.processKey());
            for (FormField field : form.fields()) {
                if (field.readonly() || field.disabled() || (field.hideConditions() != null && !field.hideConditions().isEmpty())) {
                    continue;
                }
                for (Map.Entry<String, Consumer<Map<String, Object>>> violation : violations(field).entrySet()) {
                    tests.add(DynamicTest.dynamicTest(process.processKey() + "." + field.key() + " " + violation.getKey(), () -> {
                        Map<String, Object> values = validExample(process.processKey());
                        violation.getValue().accept(values);
                        assertRejected(process.processKey(), values, field.key());
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(15);
        return tests.stream();
    }

    @Test
    void shouldAcceptAValidApplicationAndAnswerWithATrackingCode() {
        ResponseEntity<Map> created = post("microcredit-application", validExample("microcredit-application"), null);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("trackingCode");
        assertThat(code).matches("MK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(created.getBody().get("statusUrl")).isEqualTo("/api/public/applications/" + code);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/public/applications/" + code);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }

    @Test
    void shouldGiveATrackingCodeAlsoToAnApplicantWhoIsNotEligible() {
        // not resident in İzmit: the eligibility decision ends the case in its first transaction
        Map<String, Object> values = validExample("microcredit-application");
        values.put("district", "GEBZE");
        ResponseEntity<Map> created = post("microcredit-application", values, null);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("trackingCode");
        assertThat(code).startsWith("MK-");
        Map<String, Object> status = http.getForEntity("/api/public/applications/" + code, Map.class).getBody();
        assertThat(status).containsEntry("finished", true).containsEntry("withdrawable", false);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void shouldRejectUnknownFieldsAndOversizedValues() {
        Map<String, Object> values = validExample("microcredit-application");
        values.put("isAdmin", true);
        assertRejected("microcredit-application", values, "isAdmin");

        Map<String, Object> huge = validExample("microcredit-application");
        huge.put("businessSummary", "ç".repeat(6000));
        assertRejected("microcredit-application", huge, "businessSummary");
    }

    @Test
    void shouldNeverStartTheViolenceLineOrAnUnknownService() {
        long before = runtimeService.createProcessInstanceQuery().count();
        assertThat(post("violence-line-referral", Map.of("district", "IZMIT"), null).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/api/public/forms/violence-line-referral", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(post("no-such-process", Map.of(), null).getStatusCode().value()).isEqualTo(404);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void shouldServeTheSameStartFormTasklistUses() {
        ResponseEntity<String> form = http.getForEntity("/api/public/forms/microcredit-application", String.class);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).contains("\"id\": \"microcredit-application-start\"").contains("tcKimlikNo");
    }

    @Test
    void shouldReturnTheFirstResultForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> values = validExample("microcredit-application");
        ResponseEntity<Map> first = post("microcredit-application", values, key);
        ResponseEntity<Map> second = post("microcredit-application", values, key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody().get("trackingCode")).isEqualTo(first.getBody().get("trackingCode"));
        assertThat(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey((String) first.getBody().get("trackingCode")).count()).isEqualTo(1);

        Map<String, Object> other = validExample("microcredit-application");
        other.put("neighbourhood", "Başka bir mahalle");
        assertThat(post("microcredit-application", other, key).getStatusCode().value()).as("same key, other application").isEqualTo(409);
    }

    @Test
    void shouldShowTheStatusAsMilestonesWithoutStaffNamesOrComments() {
        String code = (String) post("microcredit-application", validExample("microcredit-application"), null).getBody().get("trackingCode");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
        taskService.claim(taskId, "ayse.yilmaz");
        taskService.complete(taskId, Map.of("documentsDecision", "INCOMPLETE", "missingDocuments", "Gizli-iç-not-ikametgah"));

        ResponseEntity<String> status = http.getForEntity("/api/public/applications/" + code, String.class);
        assertThat(status.getStatusCode().value()).isEqualTo(200);
        assertThat(status.getHeaders().getCacheControl()).contains("no-store");
        assertThat(status.getBody()).contains("Başvurunuz alındı", "Belgeleriniz inceleniyor", "Eksik belgeleriniz size bildirildi")
            .doesNotContain("ayse", "Gizli-iç-not", "Ayten", "05321234567", "TR33", "processInstanceId", "applicationId");
        assertThat(http.getForEntity("/api/public/applications/" + code.toLowerCase(), String.class).getStatusCode().value())
            .as("codes are read case-insensitively").isEqualTo(200);
    }

    @Test
    void shouldLetTheApplicantWithdrawWithHerTrackingCodeOnce() {
        String code = (String) post("microcredit-application", validExample("microcredit-application"), null).getBody().get("trackingCode");
        assertThat(http.getForEntity("/api/public/applications/" + code, Map.class).getBody()).containsEntry("withdrawable", true);

        ResponseEntity<Map> withdrawn = http.postForEntity("/api/public/applications/" + code + "/withdrawal", emptyJson(), Map.class);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> status = http.getForEntity("/api/public/applications/" + code, Map.class).getBody();
        assertThat(status).containsEntry("finished", true).containsEntry("withdrawable", false);
        assertThat(status.toString()).contains("Başvurunuzu geri çektiniz");

        assertThat(http.postForEntity("/api/public/applications/" + code + "/withdrawal", emptyJson(), Map.class).getStatusCode().value())
            .isEqualTo(409);
        assertThat(http.postForEntity("/api/public/applications/MK-0000-0000/withdrawal", emptyJson(), Map.class).getStatusCode().value())
            .isEqualTo(404);
    }

    @Test
    void shouldAnswer404ForAnUnknownCodeNoFasterThanForAKnownOne() {
        String code = (String) post("microcredit-application", validExample("microcredit-application"), null).getBody().get("trackingCode");
        long known = timed(() -> http.getForEntity("/api/public/applications/" + code, String.class));
        long unknown = timed(() -> assertThat(http.getForEntity("/api/public/applications/MK-0000-0000", String.class)
            .getStatusCode().value()).isEqualTo(404));
        long malformed = timed(() -> assertThat(http.getForEntity("/api/public/applications/x", String.class)
            .getStatusCode().value()).isEqualTo(404));
        // every answer waits for the same floor (0.2 s here), whatever the lookup found
        assertThat(known).isGreaterThanOrEqualTo(200);
        assertThat(unknown).isGreaterThanOrEqualTo(200);
        assertThat(malformed).isGreaterThanOrEqualTo(200);
    }

    @Test
    void shouldPublishTheOpenApiDescriptionAndKeepSwaggerUiBehindLogin() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/public/applications/{processKey}", "/api/staff/microcredit/loans/{loanId}");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private static Map<String, Consumer<Map<String, Object>>> violations(FormField field) {
        Map<String, Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        String key = field.key();
        if (field.required()) {
            cases.put("missing", values -> {
                if ("checkbox".equals(field.type())) {
                    values.put(key, false);
                } else {
                    values.remove(key);
                }
            });
        }
        if (field.minLength() != null && field.minLength() > 1) {
            cases.put("shorter than " + field.minLength(), values -> values.put(key, "a".repeat(field.minLength() - 1)));
        }
        if (field.maxLength() != null) {
            cases.put("longer than " + field.maxLength(), values -> values.put(key, "a".repeat(field.maxLength() + 1)));
        }
        if (field.min() != null) {
            cases.put("below " + field.min(), values -> values.put(key, field.min().subtract(BigDecimal.ONE).longValue()));
        }
        if (field.max() != null) {
            cases.put("above " + field.max(), values -> values.put(key, field.max().add(BigDecimal.ONE).longValue()));
        }
        if (field.pattern() != null) {
            cases.put("not matching its pattern", values -> values.put(key, "x"));
        }
        if (field.options() != null && !field.options().isEmpty()) {
            cases.put("not one of its options", values -> values.put(key, "NOT_AN_OPTION"));
        }
        if (field.validator() != null) {
            cases.put("failing " + field.validator(), values -> values.put(key, INVALID_BY_VALIDATOR.get(field.validator())));
        }
        if ("number".equals(field.type())) {
            cases.put("not a number", values -> values.put(key, "bin beş yüz"));
        }
        return cases;
    }

    /** The body of a withdrawal: JSON only (a form another site could make a browser send is refused with 415). */
    public static HttpEntity<String> emptyJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{}", headers);
    }

    public static Map<String, Object> validExample(String processKey) {
        if (tr.bel.izmit.kadinaile.courses.CourseProcess.KEY.equals(processKey)) {
            return tr.bel.izmit.kadinaile.courses.CourseTestData.startForm("KRS-0001");
        }
        if (processKey.equals("producer-onboarding")) {
            return tr.bel.izmit.kadinaile.producers.ProducerTestData.person();
        }
        if (processKey.equals("market-stand-request")) {
            return new HashMap<>(Map.of("producerCode", "UR-7F3K-9Q2X", "verificationCode", "4567", "location", "ANITPARK",
                "standDate", java.time.LocalDate.now().plusDays(10).toString()));
        }
        if (processKey.equals("izgim-counselling")) {
            Map<String, Object> request = new HashMap<>();
            request.put("service", "ADULT_PSYCHOLOGY");
            request.put("fullName", "Hülya Portal Danışan");
            request.put("phone", "05321234567");
            request.put("email", "hulya@example.org");
            request.put("reason", "Son aylarda uykusuzluk ve kaygı.");
            request.put("preferredTimes", List.of("WEEKDAY_MORNING"));
            request.put("kvkkConsent", true);
            return request;
        }
        assertThat(processKey).isEqualTo("microcredit-application");
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Ayten Portal Başvuran");
        // a fresh person each time: one open microcredit application per person
        values.put("tcKimlikNo", tr.bel.izmit.kadinaile.support.IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("email", "ayten@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", 2000);
        values.put("termMonths", "10");
        values.put("iban", "TR330006100519786457841326");
        values.put("kvkkConsent", true);
        return values;
    }

    private void assertRejected(String processKey, Map<String, Object> values, String field) {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
        ResponseEntity<Map> response = post(processKey, values, null);
        assertThat(response.getStatusCode().value()).as(response.getBody() == null ? "" : response.getBody().toString()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains(field);
        assertThat(errors).allSatisfy(error -> assertThat(error.get("message")).isNotBlank().doesNotContain("Exception"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count()).isEqualTo(before);
    }

    private ResponseEntity<Map> post(String processKey, Map<String, ?> values, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.add("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/public/applications/" + processKey, HttpMethod.POST, new HttpEntity<>(values, headers), Map.class);
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
