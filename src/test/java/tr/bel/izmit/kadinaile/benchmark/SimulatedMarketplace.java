package tr.bel.izmit.kadinaile.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The partner marketplace for the simulated year: a small HTTP server on loopback that speaks the contract of
 * {@code producers.MarketplaceClient} (look-up of a shop by external reference, creation, 409 for a second creation;
 * the API key checked), so that shops open over real HTTP through the application's own client and job.
 */
final class SimulatedMarketplace implements AutoCloseable {

    static final String API_KEY = "simulated-marketplace-key";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> shops = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    SimulatedMarketplace() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/shops", this::shops);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int shopsOpened() {
        return shops.size();
    }

    private void shops(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, "{}");
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                String query = exchange.getRequestURI().getRawQuery();
                String reference = query == null ? "" : URLDecoder.decode(query.replaceFirst("^externalReference=", ""),
                    StandardCharsets.UTF_8);
                String shopId = shops.get(reference);
                answer(exchange, 200, shopId == null ? "[]" : "[" + shop(shopId, reference) + "]");
            } else if ("POST".equals(exchange.getRequestMethod())) {
                JsonNode request = json.readTree(exchange.getRequestBody());
                String reference = request.path("externalReference").asText();
                String fresh = "SIM-SHOP-" + serial.incrementAndGet();
                String existing = shops.putIfAbsent(reference, fresh);
                answer(exchange, existing == null ? 201 : 409, shop(existing == null ? fresh : existing, reference));
            } else {
                answer(exchange, 405, "{}");
            }
        }
    }

    private String shop(String shopId, String reference) throws IOException {
        return json.writeValueAsString(Map.of("shopId", shopId, "externalReference", reference));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }
}
