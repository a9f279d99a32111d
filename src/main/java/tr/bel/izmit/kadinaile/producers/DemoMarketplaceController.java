package tr.bel.izmit.kadinaile.producers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo profile only: a simulated partner marketplace inside the application, so that the demo can open shops
 * without the real platform. It keeps its shops in memory and speaks the contract of {@link MarketplaceClient}
 * (look-up by external reference, create, 409 for a second create). The bean does not exist in any other
 * profile, so the path answers 404 there.
 */
@RestController
@Profile("demo")
@RequestMapping("/demo-marketplace")
class DemoMarketplaceController {

    private final Map<String, MarketplaceClient.Shop> shops = new ConcurrentHashMap<>();
    private final String apiKey;

    DemoMarketplaceController(@Value("${app.producers.marketplace.api-key:}") String apiKey) {
        this.apiKey = apiKey;
    }

    @GetMapping("/shops")
    ResponseEntity<List<MarketplaceClient.Shop>> find(@RequestHeader(value = MarketplaceClient.API_KEY_HEADER, required = false) String key,
            @RequestParam String externalReference) {
        if (!apiKey.equals(key)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        MarketplaceClient.Shop shop = shops.get(externalReference);
        return ResponseEntity.ok(shop == null ? List.of() : List.of(shop));
    }

    @PostMapping("/shops")
    ResponseEntity<MarketplaceClient.Shop> create(@RequestHeader(value = MarketplaceClient.API_KEY_HEADER, required = false) String key,
            @RequestBody MarketplaceClient.ShopRequest request) {
        if (!apiKey.equals(key)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        MarketplaceClient.Shop fresh = new MarketplaceClient.Shop("DEMO-" + UUID.randomUUID().toString().substring(0, 8),
            request.externalReference());
        MarketplaceClient.Shop existing = shops.putIfAbsent(request.externalReference(), fresh);
        return existing == null
            ? ResponseEntity.status(HttpStatus.CREATED).body(fresh)
            : ResponseEntity.status(HttpStatus.CONFLICT).body(existing);
    }
}
