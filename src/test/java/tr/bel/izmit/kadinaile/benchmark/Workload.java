package tr.bel.izmit.kadinaile.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's microcredit applications: the variables the real process carries once our intake listener has
 * moved the personal data out (ids, routing data, decisions), amounts of at most 3,000 TL so that no manager's
 * approval is needed, and the three staff decisions that approve it.
 */
final class Workload {

    private Workload() {
    }

    static String trackingCode(int sequence) {
        return String.format("MK-B%03d-%04d", Math.floorMod(sequence / 10000, 1000), Math.floorMod(sequence, 10000));
    }

    /** 1,500–3,000 TL in steps of 100: a variable filter on one amount matches one application in 16. */
    static long requestedAmount(int sequence) {
        return 1500 + 100L * Math.floorMod(sequence, 16);
    }

    static Map<String, Object> startVariables(int sequence) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("applicationId", (long) sequence);
        variables.put("trackingCode", trackingCode(sequence));
        variables.put("district", "İzmit");
        variables.put("sector", "GIDA");
        variables.put("izgimMember", true);
        variables.put("requestedAmount", requestedAmount(sequence));
        variables.put("termMonths", 10L);
        variables.put("eligible", true);
        variables.put("managerApprovalRequired", false);
        return variables;
    }

    /** The candidate group of each decision's task (as written in microcredit-benchmark.bpmn), in the order of {@link #decisions()}. */
    static List<String> decisionGroups() {
        return List.of("izgim-officers", "entrepreneurship-mentors", "microcredit-committee");
    }

    static List<Map<String, Object>> decisions() {
        return List.of(
            Map.of("documentsDecision", "COMPLETE"),
            Map.of("businessPlanScore", 4L, "businessPlanComment", "Sipariş defteri dolu, maliyetler hesaplanmış."),
            Map.of("committeeDecision", "APPROVE", "approvedAmount", 2500L));
    }
}
