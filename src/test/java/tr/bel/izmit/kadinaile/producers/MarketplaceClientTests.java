package tr.bel.izmit.kadinaile.producers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The marketplace client against a real local HTTP server (WireMock): success, duplicate calls, timeout, 5xx. */
class MarketplaceClientTests {

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    private static final MarketplaceClient.ShopRequest REQUEST = new MarketplaceClient.ShopRequest("UR-7F3K-9Q2X",
        "Çınar Kadın Kooperatifi", "IZMIT", List.of("FOOD", "TEXTILE"));

    private MarketplaceClient client;

    @BeforeAll
    static void startServer() {
        SERVER.start();
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @BeforeEach
    void setUp() {
        SERVER.resetAll();
        client = new MarketplaceClient(SERVER.baseUrl(), "secret-key", Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    @Test
    void shouldCreateTheShopWithTheProducerCodeAsIdempotencyKey() {
        noShopYet();
        SERVER.stubFor(post(urlPathEqualTo("/shops")).willReturn(json(201, "{\"shopId\": \"S-100\", \"externalReference\": \"UR-7F3K-9Q2X\"}")));

        MarketplaceClient.Shop shop = client.openShop(REQUEST);

        assertThat(shop.shopId()).isEqualTo("S-100");
        SERVER.verify(getRequestedFor(urlPathEqualTo("/shops")).withQueryParam("externalReference", equalTo("UR-7F3K-9Q2X"))
            .withHeader("X-Api-Key", equalTo("secret-key")));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/shops"))
            .withHeader("Idempotency-Key", equalTo("producer-UR-7F3K-9Q2X"))
            .withHeader("X-Api-Key", equalTo("secret-key"))
            .withRequestBody(equalToJson("{\"externalReference\": \"UR-7F3K-9Q2X\", \"name\": \"Çınar Kadın Kooperatifi\", "
                + "\"district\": \"IZMIT\", \"categories\": [\"FOOD\", \"TEXTILE\"]}")));
    }

    @Test
    void shouldOpenOneShopWhenCalledTwice() {
        // the marketplace as it behaves: after the first creation, the look-up finds the shop
        SERVER.stubFor(get(urlPathEqualTo("/shops")).inScenario("shop").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(200, "[]")));
        SERVER.stubFor(post(urlPathEqualTo("/shops")).inScenario("shop").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(201, "{\"shopId\": \"S-200\", \"externalReference\": \"UR-7F3K-9Q2X\"}")).willSetStateTo("created"));
        SERVER.stubFor(get(urlPathEqualTo("/shops")).inScenario("shop").whenScenarioStateIs("created")
            .willReturn(json(200, "[{\"shopId\": \"S-200\", \"externalReference\": \"UR-7F3K-9Q2X\"}]")));

        MarketplaceClient.Shop first = client.openShop(REQUEST);
        MarketplaceClient.Shop second = client.openShop(REQUEST);

        assertThat(first).isEqualTo(second);
        SERVER.verify(1, postRequestedFor(urlPathEqualTo("/shops")));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo("/shops")));
    }

    @Test
    void shouldTakeTheExistingShopWhenTheMarketplaceAnswersConflict() {
        // an earlier attempt created the shop but its answer was lost; the look-up had not seen it yet
        noShopYet();
        SERVER.stubFor(post(urlPathEqualTo("/shops")).willReturn(json(409, "{\"shopId\": \"S-300\", \"externalReference\": \"UR-7F3K-9Q2X\"}")));

        assertThat(client.openShop(REQUEST).shopId()).isEqualTo("S-300");
    }

    @Test
    void shouldFailOnATimeout() {
        noShopYet();
        SERVER.stubFor(post(urlPathEqualTo("/shops")).willReturn(json(201, "{\"shopId\": \"S-400\"}").withFixedDelay(3000)));

        assertThatThrownBy(() -> client.openShop(REQUEST)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class)
            .hasMessageContaining("did not answer");
    }

    @Test
    void shouldFailOnAServerErrorOfTheLookUpOrTheCreation() {
        SERVER.stubFor(get(urlPathEqualTo("/shops")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> client.openShop(REQUEST)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class)
            .hasMessageContaining("HTTP 502");
        SERVER.verify(0, postRequestedFor(urlPathEqualTo("/shops")));

        noShopYet();
        SERVER.stubFor(post(urlPathEqualTo("/shops")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> client.openShop(REQUEST)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class)
            .hasMessageContaining("HTTP 500");
    }

    @Test
    void shouldFailWhenTheAnswerHasNoShopId() {
        noShopYet();
        SERVER.stubFor(post(urlPathEqualTo("/shops")).willReturn(json(201, "{}")));
        assertThatThrownBy(() -> client.openShop(REQUEST)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class)
            .hasMessageContaining("without a shop id");
    }

    @Test
    void shouldRefuseToCallWithoutAConfiguredAddress() {
        MarketplaceClient unconfigured = new MarketplaceClient("", "", Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> unconfigured.openShop(REQUEST)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class)
            .hasMessageContaining("base-url is not set");
    }

    private static void noShopYet() {
        SERVER.stubFor(get(urlPathEqualTo("/shops")).willReturn(json(200, "[]")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
