package tr.bel.izmit.kadinaile.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.portal.PortalApplications;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

/**
 * The {@code producers} section of the activity report over HTTP, after a known mix of applications, shops, orders
 * and stands went through the real processes and endpoints. The engine's clock is moved to 2020, so that neither the
 * demo cases nor other tests fall into the reported month.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
class ProducersReportTests extends MarketplaceStub {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PortalApplications portal;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldCountApplicationsShopsOrdersAndStandsOfThePeriodExactly() {
        marketplaceCreatesShops();
        // before the period: an application from İzmit in February
        at(2020, 2, 20);
        start(ProducerTestData.person());

        at(2020, 3, 5);
        ProcessInstance ayten = start(ProducerTestData.person());                           // İzmit, shop
        Map<String, Object> cooperativeForm = ProducerTestData.foodCooperative();           // Kartepe, shop
        ProcessInstance cooperative = start(cooperativeForm);
        Map<String, Object> gebzeForm = ProducerTestData.person();                          // Gebze, stands only
        gebzeForm.put("district", "GEBZE");
        gebzeForm.put("salesChannel", "STANDS");
        ProcessInstance gebze = start(gebzeForm);
        ProcessInstance rejected = start(ProducerTestData.person());                        // İzmit, rejected
        Map<String, Object> portalForm = ProducerTestData.person();                         // İzmit, through the portal
        portal.submit(ProducerOnboardingProcess.KEY, portalForm, null);

        verify(ayten, true);
        complete(cooperative, Elements.FOOD_SAFETY, Map.of(Vars.FOOD_SAFETY_DECISION, "PASS"));
        verify(cooperative, true);
        verify(gebze, false);
        complete(rejected, Elements.REVIEW, Map.of(Vars.REVIEW_DECISION, "REJECT", Vars.REJECTION_REASON, "Yeniden satış."));

        // in April the marketplace reports the orders: three in March (one of them twice), one in April
        at(2020, 4, 10);
        assertThat(order("M-1", ayten.getBusinessKey(), "120.50", "2020-03-06T09:00:00Z").getStatusCode().value()).isEqualTo(201);
        assertThat(order("M-1", ayten.getBusinessKey(), "120.50", "2020-03-06T09:00:00Z").getStatusCode().value()).isEqualTo(200);
        order("M-2", ayten.getBusinessKey(), "80.00", "2020-03-20T12:00:00Z");
        order("M-3", cooperative.getBusinessKey(), "45.00", "2020-03-31T20:59:00Z");
        order("M-4", cooperative.getBusinessKey(), "45.00", "2020-03-31T21:00:00Z"); // 1 April in Turkish time

        ResponseEntity<JsonNode> response = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity("/api/staff/reports/activity?from=2020-03-01&to=2020-03-31", JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode producers = response.getBody().path("producers");
        List<String> keys = new ArrayList<>();
        producers.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("applications", "applicationsFromIzmit", "applicationsFromOtherDistricts", "shopsOpened",
            "orders", "standsByLocation", "applicationsByDistrict");
        assertThat(producers.path("applications").asLong()).isEqualTo(5);
        assertThat(producers.path("applicationsFromIzmit").asLong()).isEqualTo(3);
        assertThat(producers.path("applicationsFromOtherDistricts").asLong()).isEqualTo(2);
        assertThat(producers.path("shopsOpened").asLong()).isEqualTo(2);
        assertThat(producers.path("orders").asLong()).isEqualTo(3);

        assertThat(numbers(producers.path("standsByLocation")).values()).hasSize(12).containsOnly(0L);
        Map<String, Long> districts = numbers(producers.path("applicationsByDistrict"));
        assertThat(districts.keySet()).containsExactly("Başiskele", "Çayırova", "Darıca", "Derince", "Dilovası", "Gebze", "Gölcük",
            "İzmit", "Kandıra", "Karamürsel", "Kartepe", "Körfez");
        assertThat(districts).containsEntry("İzmit", 3L).containsEntry("Gebze", 1L).containsEntry("Kartepe", 1L);
        assertThat(districts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);

        ClockUtil.reset();
        LocalDate month = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        // stands: Ayten twice at Anıtpark and the Gebze producer once there and once at Sanat Sokağı; one held but not
        // confirmed at Dolphin; one confirmed the next month. (Stand days lie ahead of the real clock: the forms check
        // dates against it.)
        String aytenFour = ProducerTestData.lastFourOfPhone(Map.of("phone", phoneOf(ayten)));
        String gebzeFour = ProducerTestData.lastFourOfPhone(gebzeForm);
        confirmedStand(ayten.getBusinessKey(), aytenFour, "ANITPARK", month.plusDays(19), true);
        confirmedStand(ayten.getBusinessKey(), aytenFour, "ANITPARK", month.plusDays(26), true);
        confirmedStand(gebze.getBusinessKey(), gebzeFour, "ANITPARK", month.plusDays(20), true);
        confirmedStand(gebze.getBusinessKey(), gebzeFour, "SANAT_SOKAGI", month.plusDays(21), true);
        confirmedStand(gebze.getBusinessKey(), gebzeFour, "DOLPHIN", month.plusDays(27), false);
        confirmedStand(ayten.getBusinessKey(), aytenFour, "DOLPHIN", month.plusMonths(1).plusDays(1), true);

        JsonNode standMonth = rest.withBasicAuth("hatice.sahin", "demo").getForObject("/api/staff/reports/activity?from=" + month
            + "&to=" + month.plusMonths(1).minusDays(1), JsonNode.class).path("producers");
        Map<String, Long> stands = numbers(standMonth.path("standsByLocation"));
        assertThat(stands.keySet()).containsExactly("Sanat Sokağı", "Anıtpark", "Dolphin", "Kültür Tepesi", "Cumhuriyet Parkı",
            "Belsa önü günlük stantlar", "41 Burda AVM", "28 Haziran etkinlikleri", "30 Ağustos etkinlikleri",
            "Kadın El Emeği Festivali", "İyilik Şenliği", "Karaabdülbaki Üretici Pazarı");
        assertThat(stands).containsEntry("Sanat Sokağı", 1L).containsEntry("Anıtpark", 2L).containsEntry("Dolphin", 0L);
        assertThat(stands.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- helpers

    private static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    private ProcessInstance start(Map<String, Object> form) {
        return runtimeService.startProcessInstanceByKey(ProducerOnboardingProcess.KEY, form);
    }

    private void verify(ProcessInstance instance, boolean shop) {
        complete(instance, Elements.REVIEW, Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(instance, Elements.RECORD_ORIENTATION, Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));
        if (shop) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult().getId();
        identityService.setAuthentication("seda.kurt", List.of("market-coordinators", "food-safety-officers"));
        try {
            taskService.complete(taskId, new HashMap<>(values));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String phoneOf(ProcessInstance instance) {
        return rest.withBasicAuth("seda.kurt", "demo").getForObject("/api/staff/producers/" + instance.getBusinessKey(), JsonNode.class)
            .path("phone").asText();
    }

    private ResponseEntity<String> order(String id, String producerCode, String amount, String orderedAt) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"orderId\": \"" + id + "\", \"producerCode\": \"" + producerCode + "\", \"amount\": " + amount
            + ", \"orderedAt\": \"" + Instant.parse(orderedAt) + "\"}";
        return rest.withBasicAuth("seda.kurt", "demo").exchange("/api/staff/producers/orders", HttpMethod.POST,
            new HttpEntity<>(body, headers), String.class);
    }

    private void confirmedStand(String producerCode, String lastFour, String location, LocalDate day, boolean confirm) {
        ProcessInstance request = runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, new HashMap<>(Map.of(
            MarketStandProcess.Vars.PRODUCER_CODE, producerCode, MarketStandProcess.Vars.VERIFICATION_CODE, lastFour,
            MarketStandProcess.Vars.LOCATION, location, MarketStandProcess.Vars.STAND_DATE, day.toString())));
        Job timer = managementService.createJobQuery().processInstanceId(request.getId()).timers().singleResult();
        managementService.executeJob(timer.getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(request.getId()).singleResult().getId());
        if (confirm) {
            String taskId = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
            identityService.setAuthentication("seda.kurt", List.of("market-coordinators"));
            try {
                taskService.complete(taskId, new HashMap<>(Map.of(MarketStandProcess.Vars.CONFIRMATION, "CONFIRM")));
            } finally {
                identityService.clearAuthentication();
            }
        }
    }

    private static Map<String, Long> numbers(JsonNode object) {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asLong()));
        return values;
    }
}
