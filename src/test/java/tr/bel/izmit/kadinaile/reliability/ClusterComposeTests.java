package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} without a Docker engine: parsed with SnakeYAML (merge keys resolved as Compose
 * does), it must start one node by default and, with {@code --profile cluster}, a second identical node and a
 * reverse proxy with sticky sessions in front of both.
 */
class ClusterComposeTests {

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void shouldStartOneNodeWithoutAProfileAsBefore() {
        assertThat(services).containsKeys("postgres", "mailpit", "app");
        assertThat(services.get("app")).doesNotContainKey("profiles");
        assertThat(services.get("app").get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(services.get("postgres")).doesNotContainKey("profiles");
    }

    @Test
    void shouldAddASecondIdenticalNodeOnTheSameDatabaseInTheClusterProfile() {
        Map<String, Object> first = services.get("app");
        Map<String, Object> second = services.get("app-2");
        assertThat(second).isNotNull();
        assertThat(second.get("profiles")).isEqualTo(List.of("cluster"));
        assertThat(second.get("environment")).isEqualTo(first.get("environment"));
        assertThat(second.get("build")).isEqualTo(first.get("build"));
        assertThat(second.get("image")).isEqualTo(first.get("image")).isNotNull();
        assertThat(second.get("healthcheck")).isEqualTo(first.get("healthcheck"));
        assertThat(environment(second)).containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/kadinaile")
            .doesNotContainKey("CAMUNDA_BPM_JOB_EXECUTION_ENABLED");
        // reached only through the proxy
        assertThat(second).doesNotContainKey("ports");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPutAReverseProxyWithStickySessionsInFrontOfBothNodes() throws IOException {
        Map<String, Object> proxy = services.get("proxy");
        assertThat(proxy).isNotNull();
        assertThat(proxy.get("profiles")).isEqualTo(List.of("cluster"));
        assertThat(proxy.get("image")).asString().startsWith("caddy:");
        assertThat((Map<String, Object>) proxy.get("depends_on")).containsOnlyKeys("app", "app-2");
        List<String> volumes = (List<String>) proxy.get("volumes");
        assertThat(volumes).containsExactly("./src/main/docker/Caddyfile:/etc/caddy/Caddyfile:ro");

        String caddyfile = Files.readString(Path.of("src/main/docker/Caddyfile"), StandardCharsets.UTF_8);
        assertThat(caddyfile).contains("reverse_proxy app:8080 app-2:8080")
            .containsPattern("lb_policy cookie \\w+")
            .contains("health_uri /actuator/health");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTrustOnlyTheProxysFixedAddressOutsideTheRangeDockerHandsOut() throws IOException {
        Map<String, Object> networks = (Map<String, Object>) services.get("proxy").get("networks");
        String proxyAddress = (String) ((Map<String, Object>) networks.get("default")).get("ipv4_address");
        assertThat(environment(services.get("app")).get("TRUSTED_PROXIES")).isEqualTo("${TRUSTED_PROXIES:-" + proxyAddress + "}");

        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> ipam = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) compose.get("networks"))
            .get("default")).get("ipam");
        Map<String, Object> config = ((List<Map<String, Object>>) ipam.get("config")).get(0);
        assertThat(config).containsEntry("subnet", "172.28.0.0/24").containsEntry("ip_range", "172.28.0.128/25");
        int lastOctet = Integer.parseInt(proxyAddress.substring(proxyAddress.lastIndexOf('.') + 1));
        assertThat(proxyAddress).startsWith("172.28.0.");
        assertThat(lastOctet).as("outside 172.28.0.128/25").isBetween(2, 127);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }
}
