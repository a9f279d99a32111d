package tr.bel.izmit.kadinaile.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/** The producers' staff API over HTTP: who may call what (401 / 403), suspension with its history, orders, bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
class ProducerStaffControllerTests extends MarketplaceStub {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void shouldAnswerOnlyAuthenticatedStaffOfTheRightGroups() {
        String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, ProducerTestData.person());

        assertThat(rest.getForEntity("/api/staff/producers/" + code, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(post(null, "/api/staff/producers/orders", Map.of("orderId", "X")).getStatusCode().value()).isEqualTo(401);
        assertThat(post(null, "/api/staff/producers/" + code + "/suspension", Map.of("reason", "x")).getStatusCode().value())
            .isEqualTo(401);
        assertThat(rest.withBasicAuth("ayse.yilmaz", "demo").getForEntity("/api/staff/producers/" + code, String.class)
            .getStatusCode().value()).isEqualTo(403);
        assertThat(post("nur.ozdemir", "/api/staff/producers/" + code + "/suspension", Map.of("reason", "x")).getStatusCode().value())
            .isEqualTo(403);
        assertThat(post("hatice.sahin", "/api/staff/producers/orders", Map.of("orderId", "X")).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> details = rest.withBasicAuth("nur.ozdemir", "demo").getForEntity("/api/staff/producers/" + code, JsonNode.class);
        assertThat(details.getStatusCode().value()).isEqualTo(200);
        assertThat(details.getBody().path("status").asText()).isEqualTo("VERIFIED");
        assertThat(details.getBody().path("tcKimlikNo").asText()).hasSize(11);
        assertThat(rest.withBasicAuth("seda.kurt", "demo").getForEntity("/api/staff/producers/UR-0000-0000", String.class)
            .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldSuspendAndReinstateWithTheReasonsKept() {
        String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, ProducerTestData.person());

        assertThat(post("seda.kurt", "/api/staff/producers/" + code + "/suspension", Map.of()).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> suspended = postJson("seda.kurt", "/api/staff/producers/" + code + "/suspension",
            Map.of("reason", "Stantta izinsiz ürün satışı."));
        assertThat(suspended.getStatusCode().value()).isEqualTo(200);
        assertThat(suspended.getBody().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(post("seda.kurt", "/api/staff/producers/" + code + "/suspension", Map.of("reason", "again")).getStatusCode().value())
            .isEqualTo(409);
        assertThat(postJson("seda.kurt", "/api/staff/producers/" + code + "/reinstatement", Map.of("reason", "Uyarı verildi."))
            .getBody().path("status").asText()).isEqualTo("VERIFIED");

        JsonNode history = rest.withBasicAuth("seda.kurt", "demo").getForObject("/api/staff/producers/" + code, JsonNode.class)
            .path("history");
        JsonNode suspension = history.get(history.size() - 2);
        JsonNode reinstatement = history.get(history.size() - 1);
        assertThat(suspension.path("toStatus").asText()).isEqualTo("SUSPENDED");
        assertThat(suspension.path("reason").asText()).isEqualTo("Stantta izinsiz ürün satışı.");
        assertThat(suspension.path("changedBy").asText()).isEqualTo("seda.kurt");
        assertThat(reinstatement.path("fromStatus").asText()).isEqualTo("SUSPENDED");
        assertThat(reinstatement.path("reason").asText()).isEqualTo("Uyarı verildi.");
    }

    @Test
    void shouldRefuseOrdersOfProducersWithoutAShopOrWithBadValues() {
        String standsOnly = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, ProducerTestData.person());

        ResponseEntity<JsonNode> noShop = postJson("seda.kurt", "/api/staff/producers/orders",
            Map.of("orderId", "N-1", "producerCode", standsOnly, "amount", 10, "orderedAt", "2026-01-01T10:00:00Z"));
        assertThat(noShop.getStatusCode().value()).isEqualTo(400);
        assertThat(noShop.getBody().toString()).contains("producerCode").contains("mağaza yok");

        ResponseEntity<JsonNode> bad = postJson("seda.kurt", "/api/staff/producers/orders", Map.of("orderId", "", "amount", -5));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("orderId").contains("producerCode").contains("amount").contains("orderedAt");
    }

    @Test
    void shouldSendTheApplicationBackToReviewWhenTheInformationArrives() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProducerOnboardingProcess.KEY, ProducerTestData.person());
        String path = "/api/staff/producers/" + instance.getBusinessKey() + "/info-provided";
        assertThat(post("seda.kurt", path, Map.of()).getStatusCode().value()).isEqualTo(409);

        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.REVIEW)
            .singleResult().getId();
        identityService.setAuthentication("seda.kurt", List.of("market-coordinators"));
        taskService.complete(taskId, Map.of(Vars.REVIEW_DECISION, "MORE_INFO", Vars.INFO_REQUEST, "Fotoğraf gönderin."));
        identityService.clearAuthentication();

        assertThat(post("seda.kurt", path, Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.REVIEW).count())
            .isEqualTo(1);
    }

    @Test
    void shouldNotOpenTheSimulatedMarketplaceOutsideTheDemoProfile() {
        assertThat(rest.getForEntity("/demo-marketplace/shops?externalReference=UR-0000-0000", String.class).getStatusCode().value())
            .isEqualTo(404);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange(path, HttpMethod.POST, json(body), String.class);
    }

    private ResponseEntity<JsonNode> postJson(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, json(body), JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
