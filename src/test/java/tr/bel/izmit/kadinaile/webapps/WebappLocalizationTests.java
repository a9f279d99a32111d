package tr.bel.izmit.kadinaile.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Turkish locale of the Camunda web apps (src/main/resources/META-INF/resources/webjars/camunda/app) against
 * the English one of the webjar on the classpath: every key translated, placeholders kept, the glossary's terms
 * used, and each app's config.js offering the locale and loading scripts that exist.
 */
class WebappLocalizationTests {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** English term → stem of its Turkish translation (docs/glossary.md). */
    private static final Map<Pattern, Pattern> GLOSSARY = Map.of(
        Pattern.compile("\\btasks?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("görev"),
        Pattern.compile("\\bprocess(es)?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("süre[çc]"),
        Pattern.compile("\\bincidents?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("sorun"),
        Pattern.compile("\\btenants?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("kiracı"),
        Pattern.compile("\\bdeployments?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("dağıt"),
        Pattern.compile("\\bbatch(es)?\\b", Pattern.CASE_INSENSITIVE), Pattern.compile("toplu"));
    /** Sentence fragments whose term the Turkish word order puts into a neighbouring key. */
    private static final Set<String> GLOSSARY_EXCEPTIONS = Set.of("BANNER_CE_EOL_TEXT", "SETUP_USER_MESSAGE_3",
        "REPOSITORY_DEPLOYMENTS_INFO_WHICH_BELONG");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldTranslateEveryKeyOfTheEnglishLocale(String app) throws IOException {
        JsonNode english = read(app, "locales/en.json").get("labels");
        JsonNode turkish = read(app, "locales/tr.json").get("labels");

        assertThat(names(turkish)).isEqualTo(names(english));
        List<String> untranslated = new ArrayList<>();
        english.fields().forEachRemaining(entry -> {
            String en = entry.getValue().asText();
            String tr = turkish.get(entry.getKey()).asText();
            if (en.matches(".*[A-Za-z]{3,}.*") && en.equals(tr) && !Set.of("CSV", "JSON", "Optimize", "requestPayload",
                "Form").contains(en)) {
                untranslated.add(entry.getKey());
            }
        });
        assertThat(untranslated).as("labels still in English").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldKeepThePlaceholdersOfEveryLabel(String app) throws IOException {
        JsonNode english = read(app, "locales/en.json").get("labels");
        JsonNode turkish = read(app, "locales/tr.json").get("labels");

        english.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("BANNER_CE_EOL_TEXT")) {
                assertThat(placeholders(turkish.get(entry.getKey()).asText()))
                    .as("%s %s", app, entry.getKey())
                    .isEqualTo(placeholders(entry.getValue().asText()));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldUseTheGlossarysTerms(String app) throws IOException {
        JsonNode english = read(app, "locales/en.json").get("labels");
        JsonNode turkish = read(app, "locales/tr.json").get("labels");

        List<String> deviations = new ArrayList<>();
        english.fields().forEachRemaining(entry -> {
            String tr = turkish.get(entry.getKey()).asText().toLowerCase(Locale.forLanguageTag("tr"));
            GLOSSARY.forEach((term, stem) -> {
                if (term.matcher(entry.getValue().asText()).find() && !stem.matcher(tr).find()
                    && !GLOSSARY_EXCEPTIONS.contains(entry.getKey())) {
                    deviations.add(entry.getKey() + ": " + turkish.get(entry.getKey()).asText());
                }
            });
        });
        assertThat(deviations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void shouldGiveTheTurkishDateLocaleToMoment(String app) throws IOException {
        JsonNode dates = read(app, "locales/tr.json").get("dateLocales");

        assertThat(dates.get("months")).hasSize(12);
        assertThat(dates.get("months").get(0).asText()).isEqualTo("Ocak");
        assertThat(dates.get("weekdays")).hasSize(7);
        assertThat(names(dates)).isEqualTo(names(read(app, "locales/en.json").get("dateLocales")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldConfigureTheLocalesAndLoadOnlyScriptsThatExist(String app) throws IOException {
        String config = text(app, "scripts/config.js");

        assertThat(config).contains("locales: localeConfig()").contains("'../kadinaile/locale-switch'");
        Matcher scripts = Pattern.compile("'((?:\\.\\./)?[a-z-]+/[a-z-]+)'").matcher(config);
        while (scripts.find()) {
            String script = scripts.group(1) + ".js";
            String path = script.startsWith("../") ? APPS + script.substring(3) : APPS + app + "/" + script;
            assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
        }
        assertThat(text(app, "styles/user-styles.css")).contains("@import url(\"../../kadinaile/webapps.css\")");
        assertThat(text("kadinaile", "webapps.css")).contains(".ce-eol-banner").contains("display: none");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String label) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        found.sort(null);
        return found;
    }

    private JsonNode read(String app, String file) throws IOException {
        String json = text(app, file);
        // the webjar's JSON files start with a byte order mark
        return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    }

    private String text(String app, String file) throws IOException {
        String path = APPS + app + "/" + file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
