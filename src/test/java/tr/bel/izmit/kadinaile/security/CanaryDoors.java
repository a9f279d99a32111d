package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;
import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * Enters distinctive personal data ("canaries") through every door real people use, as they use it: the engine REST
 * API with HTTP Basic ({@code submit-form} of start and task forms, what Tasklist sends), the web apps' API with a
 * login session and the XSRF token (Tasklist itself), the public portal's JSON API and its HTML form, and the staff
 * API. All values invented; each run draws new ones, so a canary found can only come from this run.
 */
final class CanaryDoors {

    static final String DEMO_PASSWORD = "demo";
    static final String OPERATOR = "merve.koc";
    static final String SOCIAL_WORKER = "selin.aydin";
    static final String SUPERVISOR = "derya.ozturk";
    static final String OFFICER = "ayse.yilmaz";

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private final TestRestTemplate http;
    private final String run = String.valueOf(1000 + ThreadLocalRandom.current().nextInt(9000));

    /** Violence line: everything, in clear nowhere (our table holds it encrypted). */
    final Map<String, String> violenceLine = new LinkedHashMap<>();
    /**
     * İZGİM counselling (health data, KVKK Art. 6): the client's name and reason, the child's record, the session
     * notes: in clear nowhere (our tables hold them encrypted with the counselling key).
     */
    final Map<String, String> counselling = new LinkedHashMap<>();
    /**
     * İZGİM's children's library: the child's first name, her parent's name and phone, entered at İZGİM's desk page: in
     * clear nowhere (our table holds them encrypted with İZGİM's key).
     */
    final Map<String, String> library = new LinkedHashMap<>();
    /** The card number the desk gave the library's child ({@link #library()}). */
    String libraryCard;
    /** Citizens' identifying data of the other processes: in our tables only, never in the engine's. */
    final Map<String, String> citizens = new LinkedHashMap<>();
    /**
     * Names the caseworkers' task forms show while a case runs (the microcredit applicant's name, the producer's
     * name): kept as a runtime variable of the running case (ACT_RU_VARIABLE) and nowhere else in the engine, not
     * in its history. See the report of issue "Insiders".
     */
    final Map<String, String> formDisplayNames = new LinkedHashMap<>();

    String violenceInstanceId;
    Long violenceCaseId;
    String microcreditInstanceId;

    CanaryDoors(TestRestTemplate http) {
        this.http = http;
    }

    /** Every door, every process. */
    void enterEverything() {
        violenceLine();
        microcreditInTasklist();
        microcreditOnThePortal();
        courseOnThePortal();
        producerOnThePortalHtmlForm();
        counselling();
        library();
    }

    // ------------------------------------------------------------------ İZGİM children's library

    private static final Pattern LIBRARY_CARD = Pattern.compile("KK-[0-9A-Z]{4}-[0-9A-Z]{4}");

    /**
     * An İZGİM officer, logged in to Tasklist, registers a child on İZGİM's desk page as a browser posts it (the web apps'
     * session, the desk form's CSRF token), reads the card number the page gives and records the child's visit.
     */
    void library() {
        WebappSession officer = WebappSession.login(http, OFFICER, DEMO_PASSWORD);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("firstName", canary(library, "library child's firstName (desk)", "Kanaryacık KT" + run));
        form.add("birthYear", String.valueOf(today().getYear() - 6));
        form.add("parentName", canary(library, "library parentName (desk)", "Nurten Kanaryaoğlu KT" + run));
        form.add("parentPhone", canary(library, "library parentPhone (desk)", mobilePhone()));
        form.add("consent", "true");
        String answer = officer.submitDeskForm("/izgim/kutuphane", "/izgim/kutuphane/cocuk", form);
        assertThat(answer).as("the desk's answer").contains("Çocuk kaydedildi.");
        Matcher card = LIBRARY_CARD.matcher(answer);
        assertThat(card.find()).as("the card number on the desk's page").isTrue();
        libraryCard = card.group();
        MultiValueMap<String, String> visit = new LinkedMultiValueMap<>();
        visit.add("cardNumber", libraryCard);
        assertThat(officer.submitDeskForm("/izgim/kutuphane", "/izgim/kutuphane/ziyaret", visit)).contains("Ziyaret kaydedildi.");
    }

    // ------------------------------------------------------------------ İZGİM counselling

    /**
     * A child's request on the portal (JSON) and an adult's at the desk (the officer's start form through
     * {@code /engine-rest}); the intake assigns each to a professional, who writes a session note through the staff API.
     */
    void counselling() {
        Map<String, Object> childRequest = counsellingRequest("CHILD_PSYCHOLOGY",
            canary(counselling, "counselling guardian's fullName (portal)", "Leyla Kanaryadağ DN" + run),
            canary(counselling, "counselling child's reason (portal)", "KanaryaCocuk" + run + " okulda kaygı"));
        childRequest.put("childAge", 8);
        childRequest.put("guardianConsent", true);
        ResponseEntity<Map> created = http.exchange("/api/public/applications/izgim-counselling", HttpMethod.POST,
            json(childRequest), Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String childCode = (String) created.getBody().get("trackingCode");

        Map<String, Object> adultRequest = counsellingRequest("ADULT_PSYCHOLOGY",
            canary(counselling, "counselling fullName (desk)", "Sevgül Kanaryatepe DN" + run),
            canary(counselling, "counselling reason (desk)", "KanaryaNeden" + run + " uykusuzluk"));
        ResponseEntity<String> started = basic(OFFICER).exchange("/engine-rest/process-definition/key/izgim-counselling/submit-form",
            HttpMethod.POST, json(Map.of("variables", restVariables(adultRequest))), String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String adultCode = (String) WebappSession.parse(started.getBody()).get("businessKey");

        assignAndNote(childCode, "derya.kurt", canary(counselling, "counselling child's session note", "KanaryaCocukNotu" + run));
        assignAndNote(adultCode, "zeynep.aksoy", canary(counselling, "counselling session note", "KanaryaSeansNotu" + run));
    }

    private void assignAndNote(String trackingCode, String professional, String note) {
        // the officer finds the intake in her Tasklist by the tracking code
        ResponseEntity<String> tasks = basic(OFFICER).getForEntity("/engine-rest/task?processInstanceBusinessKey=" + trackingCode
            + "&taskDefinitionKey=Task_Intake&firstResult=0&maxResults=10", String.class);
        List<?> found = WebappSession.parseList(tasks.getBody());
        assertThat(found).as("intake of " + trackingCode + " visible to " + OFFICER).hasSize(1);
        String intake = (String) ((Map<?, ?>) found.get(0)).get("id");
        submitTask(OFFICER, intake, Map.of("intakeDecision", "ASSIGN", "professionalId", professional));
        ResponseEntity<String> written = basic(professional).exchange("/api/staff/izgim/cases/" + trackingCode + "/notes",
            HttpMethod.POST, json(Map.of("text", note)), String.class);
        assertThat(written.getStatusCode().value()).as(written.getBody()).isEqualTo(201);
    }

    private static Map<String, Object> counsellingRequest(String service, String fullName, String reason) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("service", service);
        values.put("fullName", fullName);
        values.put("phone", "05321112233");
        values.put("reason", reason);
        values.put("preferredTimes", List.of("WEEKDAY_MORNING"));
        values.put("kvkkConsent", true);
        return values;
    }

    // ------------------------------------------------------------------ violence line

    void violenceLine() {
        String name = canary(violenceLine, "victimName", "Zümrüt Kanaryagil VL" + run);
        String phone = canary(violenceLine, "safePhone", mobilePhone());
        String times = canary(violenceLine, "safeCallTimes", "KanaryaSaat" + run + " hafta içi");
        String neighbourhood = canary(violenceLine, "neighbourhood", "KanaryaMahalle" + run);
        String notes = canary(violenceLine, "incidentNotes", "KanaryaOlay" + run + " balkonda tartışma");
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("callerAnonymous", false);
        intake.put("victimName", name);
        intake.put("safePhone", phone);
        intake.put("safeCallTimes", times);
        intake.put("doNotCall", false);
        intake.put("district", "IZMIT");
        intake.put("neighbourhood", neighbourhood);
        intake.put("violenceTypes", List.of("PSYCHOLOGICAL"));
        intake.put("immediateDanger", true);
        intake.put("weaponOrThreatToKill", false);
        intake.put("childrenAtRisk", false);
        intake.put("pregnant", false);
        intake.put("earlierIncidents", false);
        intake.put("protectionOrder", false);
        intake.put("perpetratorRelation", "SPOUSE");
        intake.put("consentedReferrals", List.of("POLICE"));
        intake.put("incidentNotes", notes);

        // the operator records the call in Tasklist: the start form through /engine-rest
        ResponseEntity<Map> started = basic(OPERATOR).exchange("/engine-rest/process-definition/key/violence-line-referral/submit-form",
            HttpMethod.POST, json(Map.of("variables", restVariables(intake))), Map.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
        violenceInstanceId = (String) started.getBody().get("id");

        // the emergency response, through the web apps' API with a login session (Tasklist)
        WebappSession operator = WebappSession.login(http, OPERATOR, DEMO_PASSWORD);
        String emergency = taskId(OPERATOR, violenceInstanceId, "Task_EmergencyResponse");
        // Tasklist's comment box would keep the text in clear in the engine: refused on the line's tasks and instances
        ResponseEntity<String> comment = operator.post("/camunda/api/engine/engine/default/task/" + emergency + "/comment/create",
            Map.of("message", canary(violenceLine, "comment (web apps)", "KanaryaYorumWeb" + run)));
        assertThat(comment.getStatusCode().value()).as(comment.getBody()).isEqualTo(403);
        assertThat(comment.getBody()).contains("not alanına");
        ResponseEntity<String> instanceComment = basic(OPERATOR).exchange("/engine-rest/process-instance/" + violenceInstanceId
            + "/comment/create", HttpMethod.POST, json(Map.of("message", canary(violenceLine, "comment (engine REST)",
            "KanaryaYorumRest" + run))), String.class);
        assertThat(instanceComment.getStatusCode().value()).as(instanceComment.getBody()).isEqualTo(403);
        ResponseEntity<String> done = operator.post("/camunda/api/engine/engine/default/task/" + emergency + "/submit-form",
            Map.of("variables", restVariables(Map.of("emergencyActions", List.of("POLICE_155"),
                "staffNote", canary(violenceLine, "staffNote (web apps)", "KanaryaNotWeb" + run)))));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);

        // the referral, through /engine-rest
        String referral = taskId(SOCIAL_WORKER, violenceInstanceId, "Task_MakeReferral");
        submitTask(SOCIAL_WORKER, referral, Map.of("referralMade", true,
            "staffNote", canary(violenceLine, "staffNote (engine REST)", "KanaryaNotRest" + run)));

        // the institution's answer, through the staff API
        violenceCaseId = caseId();
        List<Map<String, Object>> referrals = referrals();
        assertThat(referrals).isNotEmpty();
        for (Map<String, Object> open : referrals) {
            ResponseEntity<String> answered = basic(SOCIAL_WORKER).exchange("/api/staff/violence-line/referrals/" + open.get("referralId") + "/answer",
                HttpMethod.POST, json(Map.of("answer", "ACCEPTED")), String.class);
            assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(200);
        }

        // the safety plan and its approval, through /engine-rest
        String plan = taskId(SOCIAL_WORKER, violenceInstanceId, "Task_SafetyPlan");
        submitTask(SOCIAL_WORKER, plan, Map.of("safetyPlanItems", List.of("SAFE_PLACE"),
            "safetyPlanText", canary(violenceLine, "safetyPlanText", "KanaryaPlan" + run + " komşuya anahtar")));
        String approval = taskId(SUPERVISOR, violenceInstanceId, "Task_ApproveSafetyPlan");
        submitTask(SUPERVISOR, approval, Map.of("safetyPlanDecision", "APPROVE",
            "staffNote", canary(violenceLine, "staffNote (supervisor)", "KanaryaNotAmir" + run)));

        // the line's staff read the case through the staff API (decrypted for them, audited)
        ResponseEntity<String> read = basic(SOCIAL_WORKER).getForEntity("/api/staff/violence-line/cases/" + violenceCaseId, String.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody()).contains(name, phone.substring(1), notes);
    }

    private Long caseId() {
        ResponseEntity<Map> variable = basic(SOCIAL_WORKER).getForEntity(
            "/engine-rest/process-instance/" + violenceInstanceId + "/variables/caseId", Map.class);
        assertThat(variable.getStatusCode().value()).isEqualTo(200);
        return ((Number) variable.getBody().get("value")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> referrals() {
        ResponseEntity<Map> found = basic(SOCIAL_WORKER).getForEntity("/api/staff/violence-line/cases/" + violenceCaseId, Map.class);
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        Object referrals = found.getBody().get("referrals");
        assertThat(referrals).as("the case's referrals in " + found.getBody().keySet()).isInstanceOf(List.class);
        return (List<Map<String, Object>>) referrals;
    }

    // ------------------------------------------------------------------ microcredit

    /** An officer starts an application in Tasklist (web apps' API), then checks its documents (/engine-rest). */
    void microcreditInTasklist() {
        Map<String, Object> form = microcreditForm("Tasklist");
        WebappSession officer = WebappSession.login(http, OFFICER, DEMO_PASSWORD);
        ResponseEntity<String> started = officer.post(
            "/camunda/api/engine/engine/default/process-definition/key/microcredit-application/submit-form",
            Map.of("variables", restVariables(form)));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        microcreditInstanceId = (String) WebappSession.parse(started.getBody()).get("id");
        String documents = taskId(OFFICER, microcreditInstanceId, "Task_CheckDocuments");
        submitTask(OFFICER, documents, Map.of("documentsDecision", "INCOMPLETE", "missingDocuments", "İkametgâh belgesi"));
    }

    void microcreditOnThePortal() {
        ResponseEntity<Map> created = http.exchange("/api/public/applications/microcredit-application", HttpMethod.POST,
            json(microcreditForm("portal")), Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    }

    private Map<String, Object> microcreditForm(String door) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullName", canary(formDisplayNames, "microcredit fullName (" + door + ")", "Ayten Kanaryacı MK" + door + run));
        values.put("tcKimlikNo", canary(citizens, "microcredit tcKimlikNo (" + door + ")", IdentityNumbers.randomTcKimlikNo()));
        values.put("phone", canary(citizens, "microcredit phone (" + door + ")", mobilePhone()));
        values.put("email", canary(citizens, "microcredit email (" + door + ")", "kanarya." + door.toLowerCase() + run + "@example.org"));
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", 2000);
        values.put("termMonths", "6");
        values.put("iban", canary(citizens, "microcredit iban (" + door + ")", IdentityNumbers.randomTurkishIban()));
        values.put("kvkkConsent", true);
        return values;
    }

    // ------------------------------------------------------------------ courses and producers

    void courseOnThePortal() {
        ResponseEntity<Map> open = http.getForEntity("/api/public/courses?size=1", Map.class);
        assertThat(open.getStatusCode().value()).isEqualTo(200);
        List<?> courses = (List<?>) open.getBody().get("courses");
        assertThat(courses).as("a course open for application").isNotEmpty();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("courseCode", ((Map<?, ?>) courses.get(0)).get("code"));
        values.put("fullName", canary(citizens, "course fullName", "Nazlı Kanaryalı KR" + run));
        values.put("tcKimlikNo", canary(citizens, "course tcKimlikNo", IdentityNumbers.randomTcKimlikNo()));
        values.put("birthDate", "1990-01-01");
        values.put("phone", canary(citizens, "course phone", mobilePhone()));
        values.put("district", "IZMIT");
        values.put("kvkkConsent", true);
        ResponseEntity<Map> created = http.exchange("/api/public/applications/course-enrollment", HttpMethod.POST, json(values), Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    }

    /** The portal's HTML form, as a browser posts it (the form's CSRF token and cookie). */
    void producerOnThePortalHtmlForm() {
        ResponseEntity<String> page = http.getForEntity("/basvuru/producer-onboarding", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        Matcher token = HIDDEN_TOKEN.matcher(page.getBody());
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .map(cookie -> cookie.split(";", 2)[0]).toList()));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token.group(1));
        form.add("applicantType", "PERSON");
        form.add("contactName", canary(formDisplayNames, "producer contactName", "Gülizar Kanaryabaş UR" + run));
        form.add("tcKimlikNo", canary(citizens, "producer tcKimlikNo", IdentityNumbers.randomTcKimlikNo()));
        form.add("phone", canary(citizens, "producer phone", mobilePhone()));
        form.add("email", canary(citizens, "producer email", "kanarya.uretici" + run + "@example.org"));
        form.add("district", "IZMIT");
        form.add("neighbourhood", "Kozluk");
        form.add("productCategories", "TEXTILE");
        form.add("productionPlace", canary(citizens, "producer productionPlace", "KanaryaAtolye" + run + " evimin odası"));
        form.add("salesChannel", "BOTH");
        form.add("kvkkConsent", "true");
        ResponseEntity<String> posted = http.exchange("/basvuru/producer-onboarding", HttpMethod.POST, new HttpEntity<>(form, headers),
            String.class);
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isIn(200, 302, 303);
        if (posted.getStatusCode().value() != 200) {
            assertThat(String.valueOf(posted.getHeaders().getLocation())).as("the confirmation page").contains("/tamam?kod=");
        }
    }

    // ------------------------------------------------------------------ helpers

    private String taskId(String user, String instanceId, String taskKey) {
        ResponseEntity<String> tasks = basic(user).getForEntity("/engine-rest/task?processInstanceId=" + instanceId
            + "&taskDefinitionKey=" + taskKey + "&firstResult=0&maxResults=10", String.class);
        assertThat(tasks.getStatusCode().value()).as(tasks.getBody()).isEqualTo(200);
        List<?> found = WebappSession.parseList(tasks.getBody());
        assertThat(found).as(taskKey + " visible to " + user).hasSize(1);
        return (String) ((Map<?, ?>) found.get(0)).get("id");
    }

    private void submitTask(String user, String taskId, Map<String, Object> values) {
        ResponseEntity<String> done = basic(user).exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
            json(Map.of("variables", restVariables(values))), String.class);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }

    TestRestTemplate basic(String user) {
        return http.withBasicAuth(user, DEMO_PASSWORD);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** Form values as Tasklist sends them: typed values, checklists as JSON arrays. */
    static Map<String, Object> restVariables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> typed = new HashMap<>();
            if (value instanceof List<?> list) {
                typed.put("type", "Json");
                typed.put("value", "[" + String.join(",", list.stream().map(item -> "\"" + item + "\"").toList()) + "]");
            } else {
                typed.put("type", value instanceof Boolean ? "Boolean" : value instanceof Number ? "Long" : "String");
                typed.put("value", value);
            }
            variables.put(name, typed);
        });
        return variables;
    }

    private static String canary(Map<String, String> into, String label, String value) {
        // a mobile number is searched for as its ten digits after the leading 0: our tables keep it normalised
        into.put(label, value.matches("05[0-9]{9}") ? value.substring(1) : value);
        return value;
    }

    /** A mobile number no other test uses: 0549 and seven random digits. */
    private static String mobilePhone() {
        return "0549" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    /** A login to the Camunda web apps as a browser has it: session cookie and XSRF token. */
    static final class WebappSession {

        private final TestRestTemplate http;
        private final Map<String, String> cookies;
        private String token;

        private WebappSession(TestRestTemplate http, Map<String, String> cookies, String token) {
            this.http = http;
            this.cookies = cookies;
            this.token = token;
        }

        /** Logs in to Tasklist like a browser ({@link WebappSessions}); the session then follows its cookies and token. */
        static WebappSession login(TestRestTemplate http, String user, String password) {
            HttpHeaders session = WebappSessions.login(http, "tasklist", user, password);
            Map<String, String> cookies = new LinkedHashMap<>();
            for (String pair : session.getFirst(HttpHeaders.COOKIE).split("; ")) {
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            String token = session.getFirst("X-XSRF-TOKEN");
            assertThat(token).as("the web apps' XSRF token").isNotBlank();
            return new WebappSession(http, cookies, token);
        }

        ResponseEntity<String> post(String path, Object body) {
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
            remember(response.getHeaders());
            return response;
        }

        /** GET as the browser (the session's cookies). */
        ResponseEntity<String> get(String path) {
            ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
            remember(response.getHeaders());
            return response;
        }

        /**
         * Opens a desk page, posts one of its forms with the page's CSRF token as a browser does, and returns the page the
         * browser shows then (the redirect's target, with the message of the change).
         */
        String submitDeskForm(String page, String action, MultiValueMap<String, String> values) {
            ResponseEntity<String> opened = get(page);
            assertThat(opened.getStatusCode().value()).as(page).isEqualTo(200);
            Matcher token = DESK_TOKEN.matcher(opened.getBody());
            assertThat(token.find()).as("the desk form's CSRF token on " + page).isTrue();
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>(values);
            form.add("_csrf", token.group(1));
            HttpHeaders headers = headers();
            headers.remove("X-XSRF-TOKEN");
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> posted = http.exchange(action, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
            remember(posted.getHeaders());
            if (posted.getStatusCode().is3xxRedirection()) {
                assertThat(String.valueOf(posted.getHeaders().getLocation())).as(action).endsWith(page);
                ResponseEntity<String> shown = get(page);
                assertThat(shown.getStatusCode().value()).as(page).isEqualTo(200);
                return shown.getBody();
            }
            assertThat(posted.getStatusCode().value()).as(action + ": " + posted.getBody()).isEqualTo(200);
            return posted.getBody();
        }

        private static final Pattern DESK_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private void remember(HttpHeaders response) {
            cookies(cookies, response);
            if (response.getFirst("X-XSRF-TOKEN") != null) {
                token = response.getFirst("X-XSRF-TOKEN");
            }
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
            headers.add("X-XSRF-TOKEN", token);
            return headers;
        }

        private static Map<String, String> cookies(Map<String, String> cookies, HttpHeaders headers) {
            for (String setCookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
            return cookies;
        }

        static List<?> parseList(String json) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, List.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not a JSON array: " + json, e);
            }
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> parse(String json) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not JSON: " + json, e);
            }
        }
    }

    static List<String> all(Map<String, String> canaries) {
        return new ArrayList<>(canaries.values());
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
