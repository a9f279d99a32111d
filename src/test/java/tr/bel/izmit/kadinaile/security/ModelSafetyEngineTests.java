package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Models come only from the repository, and a model cannot run code of its own (issue "Insiders", finding 2):
 * no user deploys, redeploys or deletes models even holding every grant on deployments and definitions; no script
 * of any format passes the engine's parser; expressions reach only the beans named for models, so even a model that
 * slipped in cannot read a violence-line case ({@code violenceCases.read}) or call an engine service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelSafetyEngineTests {

    private static final String PASSWORD = "Model-Safety-Test-Password-3";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;

    private final List<String> users = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        users.forEach(user -> TestUsers.remove(identityService, authorizationService, user));
        users.clear();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        deployments.clear();
    }

    // ------------------------------------------------------------------------------- deployments

    @Test
    void shouldRefuseEveryModelChangeThroughRestEvenToAUserGrantedAllOnDeploymentsAndDefinitions() {
        String user = TestUsers.create(identityService, "model-grantee-" + Long.toString(System.nanoTime(), 36), PASSWORD,
            "camunda-admin");
        users.add(user);
        grantAll(user, Resources.DEPLOYMENT);
        grantAll(user, Resources.PROCESS_DEFINITION);
        Deployment models = repositoryService.createDeploymentQuery().deploymentName("kadin-aile").orderByDeploymentTime().desc()
            .list().get(0);
        ProcessDefinition microcredit = repositoryService.createProcessDefinitionQuery().processDefinitionKey("microcredit-application")
            .latestVersion().singleResult();
        TestRestTemplate client = rest.withBasicAuth(user, PASSWORD);

        ResponseEntity<String> create = client.postForEntity("/engine-rest/deployment/create", upload("grantee-upload"), String.class);
        ResponseEntity<String> redeploy = client.postForEntity("/engine-rest/deployment/" + models.getId() + "/redeploy",
            json("{}"), String.class);
        ResponseEntity<String> delete = client.exchange("/engine-rest/deployment/" + models.getId() + "?cascade=true",
            HttpMethod.DELETE, null, String.class);
        ResponseEntity<String> deleteDefinition = client.exchange("/engine-rest/process-definition/" + microcredit.getId()
            + "?cascade=true", HttpMethod.DELETE, null, String.class);
        ResponseEntity<String> deleteByKey = client.exchange("/engine-rest/process-definition/key/microcredit-application/delete",
            HttpMethod.DELETE, null, String.class);

        for (ResponseEntity<String> response : List.of(create, redeploy, delete, deleteDefinition, deleteByKey)) {
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
            assertThat(response.getBody()).contains("AuthorizationException");
        }
        assertThat(create.getBody()).contains("depodan");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(models.getId()).count()).isEqualTo(1);
        assertThat(repositoryService.createDeploymentQuery().deploymentName("grantee-upload").count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionId(microcredit.getId()).count()).isEqualTo(1);
    }

    @Test
    void shouldStillDeployTheRepositorysModelsWithoutAUser() {
        Deployment deployment = repositoryService.createDeployment().name("model-safety-plain")
            .addString("plain.bpmn", model("<serviceTask id=\"t\" camunda:expression=\"${violenceSla.priority('LOW')}\" "
                + "camunda:resultVariable=\"priority\"/>"))
            .deploy();
        deployments.add(deployment.getId());

        Map<String, Object> variables = runtimeService.createProcessInstanceByKey("model-safety").executeWithVariablesInReturn()
            .getVariables();

        assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);
        assertThat(variables).containsKey("priority");
    }

    // ------------------------------------------------------------------------------- scripts

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<scriptTask id=\"s\" scriptFormat=\"juel\"><script>${1 + 1}</script></scriptTask>",
        "<scriptTask id=\"s\" scriptFormat=\"javascript\" camunda:resource=\"deployment://x.js\"/>",
        "<serviceTask id=\"s\" camunda:expression=\"${true}\"><extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"juel\">${1}</camunda:script></camunda:executionListener></extensionElements></serviceTask>",
        "<userTask id=\"s\"><extensionElements><camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"juel\">${1}</camunda:script></camunda:taskListener></extensionElements></userTask>",
        "<serviceTask id=\"s\" camunda:expression=\"${true}\"><extensionElements><camunda:inputOutput>"
            + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"juel\">${1}</camunda:script></camunda:inputParameter>"
            + "</camunda:inputOutput></extensionElements></serviceTask>",
        "<exclusiveGateway id=\"s\" default=\"f2\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"e2\">"
            + "<conditionExpression xsi:type=\"tFormalExpression\" language=\"juel\">${true}</conditionExpression></sequenceFlow>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"s\" targetRef=\"e2\"/><endEvent id=\"e2\"/>"})
    void shouldRefuseAModelWithAScriptOfAnyFormat(String element) {
        assertThatThrownBy(() -> deployments.add(repositoryService.createDeployment().name("model-safety-script")
                .addString("script.bpmn", model(element)).deploy().getId()))
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining("betik");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("model-safety-script").count()).isZero();
    }

    // ------------------------------------------------------------------------------- bean map

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "${violenceCases.read(1, 'admin', '127.0.0.1')}",
        "${authorizationService.createAuthorizationQuery().count()}",
        "${identityService.createUserQuery().count()}",
        "${runtimeService.createProcessInstanceQuery().count()}",
        "${jdbcTemplate.queryForList('select 1')}",
        "${processEngine.name}"})
    void shouldReachNoBeanButThoseNamedForModels(String expression) {
        Deployment deployment = repositoryService.createDeployment().name("model-safety-beans")
            .addString("beans.bpmn", model("<serviceTask id=\"t\" camunda:expression=\"" + expression + "\"/>"))
            .deploy();
        deployments.add(deployment.getId());

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("model-safety"))
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageMatching("(?s).*(Unknown property used in expression|Cannot resolve identifier|Method not found).*");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("model-safety").count()).isZero();
    }

    private void grantAll(String user, Resource resource) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(user);
        authorization.setResource(resource);
        authorization.setResourceId(Authorization.ANY);
        authorization.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(authorization);
    }

    static String model(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" targetNamespace=\"t\">"
            + "<process id=\"model-safety\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
            + "<startEvent id=\"start\"/><sequenceFlow id=\"f0\" sourceRef=\"start\" targetRef=\"" + firstId(body) + "\"/>"
            + body
            + (body.contains("endEvent") ? "" : "<sequenceFlow id=\"fe\" sourceRef=\"" + firstId(body) + "\" targetRef=\"end\"/><endEvent id=\"end\"/>")
            + "</process></definitions>";
    }

    private static String firstId(String body) {
        int at = body.indexOf("id=\"") + 4;
        return body.substring(at, body.indexOf('"', at));
    }

    static HttpEntity<MultiValueMap<String, Object>> upload(String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("data", new ByteArrayResource(model("<serviceTask id=\"t\" camunda:expression=\"${true}\"/>")
            .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "upload.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
