package tr.bel.izmit.kadinaile.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The message bundle {@code messages_tr.properties} (texts built by the code, the notices' templates, the portal's
 * service texts) and the portal's HTML templates against docs/glossary.md: no word of its "Words we do not use"
 * table, apostrophes written the way {@link MessageFormat} keeps them, English keys, and every key the code names is
 * in the bundle.
 */
class MessageBundleTests {

    private static final Locale TURKISH = Locale.forLanguageTag("tr");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+");
    private static final Pattern KEY_IN_CODE = Pattern.compile("Texts\\.(?:get|find)\\(\"([^\"]+)\"\\s*[,)]");
    private static final Pattern AVOID_ROW = Pattern.compile("^\\| ([^|]+?) \\| ([^|]+?) \\|.*$", Pattern.MULTILINE);

    @Test
    void shouldUseTheGlossarysWordsInEveryTextCitizensAndStaffRead() throws IOException {
        Map<String, String> avoided = avoidedWords();
        assertThat(avoided).as("the glossary's table of words we do not use").hasSizeGreaterThan(5);

        List<String> deviations = new ArrayList<>();
        texts().forEach((where, text) -> avoided.forEach((word, use) -> {
            if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text.toLowerCase(TURKISH)).find()) {
                deviations.add(where + ": «" + word + "» instead of «" + use + "»");
            }
        }));
        assertThat(deviations).isEmpty();
    }

    @Test
    void shouldWriteEveryApostropheTwiceAndKeepEveryPlaceholderReadable() throws IOException {
        List<String> broken = new ArrayList<>();
        bundle().forEach((key, value) -> {
            String text = (String) value;
            if (text.replace("''", "").contains("'")) {
                broken.add(key + ": a single apostrophe (MessageFormat would drop it and quote the rest)");
            }
            try {
                new MessageFormat(text, TURKISH);
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
        });
        assertThat(broken).isEmpty();
        assertThat(Texts.get("notification.producers.verified", "UR-0000-0000")).startsWith("İzmit Çarşısı'na hoş geldiniz!");
    }

    @Test
    void shouldNameEveryTextWithAnEnglishKeyOfItsCapability() throws IOException {
        Set<String> groups = Set.of("notification", "portal", "forms", "api", "microcredit", "courses", "producers", "stands", "violenceline", "izgim", "engine-rest", "metrics", "documents",
            "identity", "engine");
        List<String> odd = new ArrayList<>();
        bundle().stringPropertyNames().forEach(key -> {
            if (!KEY.matcher(key).matches() || !groups.contains(key.substring(0, key.indexOf('.')))) {
                odd.add(key);
            }
        });
        assertThat(odd).isEmpty();
    }

    @Test
    void shouldHaveEveryKeyTheCodeNames() throws IOException {
        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(file));
                while (key.find()) {
                    if (!bundle.containsKey(key.group(1))) {
                        missing.add(file.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldAnswerInTurkishWhateverTheSystemLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Texts.get("api.error.not-found")).isEqualTo("Kayıt bulunamadı.");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** "avoid → use" rows of the glossary's section "Words we do not use". */
    static Map<String, String> avoidedWords() throws IOException {
        String glossary = Files.readString(Path.of("docs/glossary.md"));
        int start = glossary.indexOf("## Words we do not use");
        assertThat(start).as("docs/glossary.md has the section «Words we do not use»").isNotNegative();
        int end = glossary.indexOf("\n## ", start + 1);
        String section = glossary.substring(start, end < 0 ? glossary.length() : end);
        Map<String, String> avoided = new LinkedHashMap<>();
        Matcher row = AVOID_ROW.matcher(section);
        while (row.find()) {
            String word = row.group(1).strip();
            if (!word.equals("avoid") && !word.startsWith("---")) {
                for (String variant : word.split(" / ")) {
                    avoided.put(variant.replace("*", "").strip().toLowerCase(TURKISH), row.group(2).replace("*", "").strip());
                }
            }
        }
        return avoided;
    }

    /** Every text of the bundle and every portal HTML template, by where it comes from. */
    private static Map<String, String> texts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        bundle().forEach((key, value) -> texts.put((String) key, (String) value));
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                texts.put(file.toString(), Files.readString(file));
            }
        }
        return texts;
    }

    private static Properties bundle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream("messages_tr.properties")) {
            assertThat(in).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle;
    }
}
