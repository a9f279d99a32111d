package tr.bel.izmit.kadinaile.benchmark;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics;

/**
 * The activity report's JSON as a flat map of figure name to value, so that a report and a simulation's tally can be
 * compared figure by figure: {@code courses.applications}, {@code producers.standsByLocation.Anıtpark},
 * {@code violenceLine.casesByRiskLevel.HIGH} (a bucket's count, or {@code <5} when the report suppresses it).
 * Numbers are written without trailing zeros (money {@code 1500.00} is {@code 1500}).
 */
final class ReportFigures {

    /** The period and the report's notes are not figures. */
    private static final Set<String> NOT_FIGURES = Set.of("from", "to", "suppressBelow", "notYetAvailable");

    private ReportFigures() {
    }

    static Map<String, String> flatten(JsonNode report) {
        Map<String, String> figures = new TreeMap<>();
        flatten("", report, figures);
        return figures;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> figures) {
        if (isBucket(node) || isCount(node)) {
            figures.put(path, node.path("suppressed").asBoolean() ? SUPPRESSED : number(node.path("count").decimalValue()));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!NOT_FIGURES.contains(field.getKey())) {
                    flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), figures);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (isBucket(element)) {
                    flatten(path + "." + element.path("key").asText(), element, figures);
                } else if (element.isObject() && element.path("service").isTextual()) {
                    // a row per service (İZGİM's counselling): its figures under the service's name (which, with its
                    // label, names the row and is no figure)
                    com.fasterxml.jackson.databind.node.ObjectNode row = element.deepCopy();
                    row.remove(List.of("service", "label"));
                    flatten(path + "." + element.path("service").asText(), row, figures);
                } else {
                    throw new IllegalArgumentException("an array of figures that are not buckets at " + path);
                }
            }
        } else if (node.isNumber()) {
            figures.put(path, number(node.decimalValue()));
        } else if (!node.isNull()) {
            figures.put(path, node.asText());
        }
    }

    private static boolean isBucket(JsonNode node) {
        return node.isObject() && node.has("key") && node.has("suppressed");
    }

    /** A count that may be suppressed, without a key (İZGİM's counselling): {@code {"count": 12, "suppressed": false}}. */
    private static boolean isCount(JsonNode node) {
        return node.isObject() && !node.has("key") && node.has("suppressed")
            && (node.size() == 1 || node.size() == 2 && node.has("count"));
    }

    static final String SUPPRESSED = "<5";

    static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String number(long value) {
        return Long.toString(value);
    }

    /** A suppressible count as the report shows it (violence line, İZGİM counselling): the count, or {@code <5} for 1 to 4. */
    static String bucket(long count) {
        return count > 0 && count < ViolenceLineStatistics.SUPPRESS_BELOW ? SUPPRESSED : Long.toString(count);
    }
}
