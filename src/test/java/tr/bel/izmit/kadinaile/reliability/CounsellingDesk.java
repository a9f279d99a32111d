package tr.bel.izmit.kadinaile.reliability;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import tr.bel.izmit.kadinaile.reliability.AppNode.Reply;

/**
 * The İZGİM counselling process through the doors its staff use on a node, with HTTP Basic on {@code /engine-rest}: the
 * desk officer records a request with the start form and assigns it to a professional with the intake form; the
 * professional finds her "Seans serisini planla" task and submits it. Every answer's status goes to {@code statuses}.
 */
final class CounsellingDesk {

    static final String PROCESS = "izgim-counselling";

    private final String officer;
    private final IntConsumer statuses;

    CounsellingDesk(String officer, IntConsumer statuses) {
        this.officer = officer;
        this.statuses = statuses;
    }

    /** The officer records a request at the desk; its tracking code (the business key). */
    String request(AppNode node, String service) throws IOException, InterruptedException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("service", service);
        values.put("fullName", "Deneme Danışan");
        values.put("phone", "05321112233");
        values.put("reason", "Uyku sorunu");
        values.put("preferredTimes", List.of("WEEKDAY_MORNING"));
        values.put("kvkkConsent", true);
        if ("CHILD_PSYCHOLOGY".equals(service)) {
            values.put("childAge", 9);
            values.put("guardianConsent", true);
        }
        Reply started = call(node, "POST", "/engine-rest/process-definition/key/" + PROCESS + "/submit-form", officer,
            Map.of("variables", formVariables(values)));
        if (started.status() != 200) {
            throw new IllegalStateException("request at the desk: " + started);
        }
        return (String) started.map().get("businessKey");
    }

    /** The officer assigns the case at intake. */
    void assign(AppNode node, String trackingCode, String professional) throws IOException, InterruptedException {
        String intake = task(node, officer, trackingCode, "Task_Intake");
        if (intake == null) {
            throw new IllegalStateException("no intake task for " + trackingCode);
        }
        Reply done = call(node, "POST", "/engine-rest/task/" + intake + "/submit-form", officer,
            Map.of("variables", formVariables(Map.of("intakeDecision", "ASSIGN", "professionalId", professional))));
        if (done.status() != 204) {
            throw new IllegalStateException("intake of " + trackingCode + ": " + done);
        }
    }

    /** The id of the case's open task of that kind as the user sees it in her Tasklist, or null. */
    String task(AppNode node, String user, String trackingCode, String taskKey) throws IOException, InterruptedException {
        Reply tasks = call(node, "GET", "/engine-rest/task?processInstanceBusinessKey=" + trackingCode + "&taskDefinitionKey="
            + taskKey + "&firstResult=0&maxResults=5", user, null);
        List<Map<String, Object>> found = tasks.list();
        return found.isEmpty() ? null : (String) found.get(0).get("id");
    }

    /** The professional submits her "Seans serisini planla" form; the answer's status. */
    int plan(AppNode node, String professional, String taskId, int sessions) throws IOException, InterruptedException {
        return call(node, "POST", "/engine-rest/task/" + taskId + "/submit-form", professional,
            Map.of("variables", formVariables(Map.of("sessionCount", sessions)))).status();
    }

    Reply call(AppNode node, String method, String path, String user, Object body) throws IOException, InterruptedException {
        Reply reply = node.call(method, path, user, body);
        statuses.accept(reply.status());
        return reply;
    }

    /** Engine REST variables as the forms send them: lists as Json, numbers as Long. */
    static Map<String, Object> formVariables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> typed = new HashMap<>();
            if (value instanceof List<?> list) {
                typed.put("type", "Json");
                typed.put("value", "[" + String.join(",", list.stream().map(item -> "\"" + item + "\"").toList()) + "]");
            } else {
                typed.put("type", value instanceof Boolean ? "Boolean" : value instanceof Number ? "Long" : "String");
                typed.put("value", value);
            }
            variables.put(name, typed);
        });
        return variables;
    }
}
