package tr.bel.izmit.kadinaile.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The simulated marketplace of the demo profile speaks the client's contract: one shop per producer, key required. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoMarketplaceTests {

    @LocalServerPort
    int port;

    @Test
    void shouldOpenOneShopPerProducerAndRefuseCallsWithoutTheKey() {
        String base = "http://localhost:" + port + "/demo-marketplace";
        MarketplaceClient client = new MarketplaceClient(base, "demo-marketplace-key", Duration.ofSeconds(2), Duration.ofSeconds(5));
        MarketplaceClient.ShopRequest request = new MarketplaceClient.ShopRequest("UR-DEMO-0001", "Demo Üretici", "IZMIT",
            List.of("TEXTILE"));

        MarketplaceClient.Shop first = client.openShop(request);
        MarketplaceClient.Shop second = client.openShop(request);

        assertThat(first.shopId()).startsWith("DEMO-");
        assertThat(second).isEqualTo(first);
        MarketplaceClient withoutKey = new MarketplaceClient(base, "wrong", Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> withoutKey.openShop(request)).isInstanceOf(MarketplaceClient.MarketplaceUnavailableException.class);
    }
}
