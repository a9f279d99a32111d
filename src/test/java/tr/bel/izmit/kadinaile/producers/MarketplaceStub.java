package tr.bel.izmit.kadinaile.producers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests that open shops talk over HTTP to a real local server (WireMock) playing the partner marketplace. One
 * server for the whole test JVM, so that every test class extending this shares one Spring context.
 */
public abstract class MarketplaceStub {

    protected static final WireMockServer MARKETPLACE = new WireMockServer(options().dynamicPort());

    static {
        MARKETPLACE.start();
    }

    @DynamicPropertySource
    static void marketplace(DynamicPropertyRegistry registry) {
        registry.add("app.producers.marketplace.base-url", MARKETPLACE::baseUrl);
        registry.add("app.producers.marketplace.api-key", () -> "test-key");
        registry.add("app.producers.marketplace.read-timeout", () -> "PT3S");
    }

    /** The marketplace knows no shop and creates one on request. */
    protected static void marketplaceCreatesShops() {
        MARKETPLACE.resetAll();
        MARKETPLACE.stubFor(get(urlPathEqualTo("/shops")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("[]")));
        MARKETPLACE.stubFor(post(urlPathEqualTo("/shops")).withHeader("X-Api-Key", equalTo("test-key"))
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"shopId\": \"SHOP-1\", \"externalReference\": \"{{jsonPath request.body '$.externalReference'}}\"}")
                .withTransformers("response-template")));
    }
}
