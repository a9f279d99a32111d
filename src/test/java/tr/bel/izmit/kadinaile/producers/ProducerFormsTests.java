package tr.bel.izmit.kadinaile.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.common.KocaeliDistrict;

/** The forms' fixed choices come from one place each: the districts from KocaeliDistrict, the stand locations from V8. */
class ProducerFormsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"producer-onboarding-start", "producer-onboarding-review", "producer-onboarding-food-safety",
        "producer-onboarding-orientation", "microcredit-application-start"})
    void shouldOfferExactlyKocaelisTwelveDistricts(String form) throws IOException {
        JsonNode district = field(read(form), "district");
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        district.path("values").forEach(v -> {
            values.add(v.path("value").asText());
            labels.add(v.path("label").asText());
        });
        assertThat(values).containsExactlyElementsOf(Arrays.stream(KocaeliDistrict.values()).map(Enum::name).toList());
        assertThat(labels).containsExactlyElementsOf(Arrays.stream(KocaeliDistrict.values()).map(KocaeliDistrict::displayName).toList());
    }

    @Test
    void shouldOfferExactlyTheSeededStandLocations() throws IOException {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V8__market_stands.sql"));
        migration = migration.substring(migration.indexOf("insert into st_location "));
        List<String> seeded = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\('([A-Z_0-9]+)', '([^']+)', '(STREET|DAILY|FESTIVAL|VILLAGE_MARKET)'")
            .matcher(migration);
        while (m.find()) {
            seeded.add(m.group(1) + "=" + m.group(2));
        }
        List<String> offered = new ArrayList<>();
        field(read("market-stand-request-start"), "location").path("values")
            .forEach(v -> offered.add(v.path("value").asText() + "=" + v.path("label").asText()));
        assertThat(seeded).hasSize(12);
        assertThat(offered).containsExactlyElementsOf(seeded);
    }

    private static JsonNode read(String form) throws IOException {
        return JSON.readTree(Path.of("forms", form + ".form").toFile());
    }

    private static JsonNode field(JsonNode node, String key) {
        if (key.equals(node.path("key").asText())) {
            return node;
        }
        for (JsonNode child : node.path("components")) {
            JsonNode found = field(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
