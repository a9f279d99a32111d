package tr.bel.izmit.kadinaile.producers;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The partner marketplace of İzmit Çarşısı over HTTP (contract in {@code docs/marketplace-api.md}). Opening a
 * shop is idempotent per producer: the client first looks the producer's shop up by her producer code (the
 * shop's external reference), creates it only when there is none, and sends the producer code as the
 * {@code Idempotency-Key}; a 409 answer carries the shop that already exists. Anything else that goes wrong (a
 * timeout, a 5xx, no answer) is a {@link MarketplaceUnavailableException}, which the calling job turns into
 * retries and then an incident.
 */
@Component
public class MarketplaceClient {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final RestClient rest;
    private final String baseUrl;

    MarketplaceClient(@Value("${app.producers.marketplace.base-url:}") String baseUrl,
            @Value("${app.producers.marketplace.api-key:}") String apiKey,
            @Value("${app.producers.marketplace.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${app.producers.marketplace.read-timeout:PT5S}") Duration readTimeout) {
        this.baseUrl = baseUrl;
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        this.rest = RestClient.builder()
            .requestFactory(factory)
            .baseUrl(baseUrl.isBlank() ? "http://marketplace.invalid" : baseUrl)
            .defaultHeader(API_KEY_HEADER, apiKey)
            .build();
    }

    /** What the marketplace needs to open a producer's shop. */
    public record ShopRequest(String externalReference, String name, String district, List<String> categories) {
    }

    /** A shop on the marketplace. */
    public record Shop(String shopId, String externalReference) {
    }

    /** Opens the producer's shop, or returns the one she already has. */
    public Shop openShop(ShopRequest request) {
        if (baseUrl.isBlank()) {
            throw new MarketplaceUnavailableException("app.producers.marketplace.base-url is not set", null);
        }
        try {
            Shop existing = find(request.externalReference());
            if (existing != null) {
                return existing;
            }
            Shop created = rest.post().uri("/shops")
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY_HEADER, "producer-" + request.externalReference())
                .body(request)
                .retrieve()
                .body(Shop.class);
            return requireShop(created);
        } catch (HttpClientErrorException.Conflict e) {
            // the shop was created meanwhile (an earlier attempt whose answer was lost): the answer names it
            Shop existing = e.getResponseBodyAs(Shop.class);
            return requireShop(existing != null && existing.shopId() != null ? existing : find(request.externalReference()));
        } catch (HttpClientErrorException e) {
            throw new MarketplaceUnavailableException("marketplace refused the shop: HTTP " + e.getStatusCode().value(), e);
        } catch (HttpServerErrorException e) {
            throw new MarketplaceUnavailableException("marketplace answered HTTP " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new MarketplaceUnavailableException("marketplace did not answer properly: " + e.getClass().getSimpleName(), e);
        }
    }

    private Shop find(String externalReference) {
        Shop[] found = rest.get().uri(uri -> uri.path("/shops").queryParam("externalReference", externalReference).build())
            .retrieve()
            .onStatus(HttpStatusCode::is5xxServerError, (req, res) -> {
                throw new MarketplaceUnavailableException("marketplace answered HTTP " + res.getStatusCode().value(), null);
            })
            .body(Shop[].class);
        if (found == null) {
            return null;
        }
        for (Shop shop : found) {
            if (externalReference.equals(shop.externalReference()) && shop.shopId() != null) {
                return shop;
            }
        }
        return null;
    }

    private static Shop requireShop(Shop shop) {
        if (shop == null || shop.shopId() == null || shop.shopId().isBlank()) {
            throw new MarketplaceUnavailableException("marketplace answered without a shop id", null);
        }
        return shop;
    }

    /** The marketplace could not be reached or gave no usable answer: the job is retried. */
    public static class MarketplaceUnavailableException extends RuntimeException {
        MarketplaceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
