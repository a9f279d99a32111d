package tr.bel.izmit.kadinaile.engine;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;

/**
 * The only beans that expressions in models reach ({@code ${name.method(…)}}, {@code delegateExpression="${name}"}):
 * the engine's bean map ({@code ProcessEngineConfiguration.setBeans}), which the Spring expression manager uses
 * instead of the whole application context. Each entry maps the name models use to the Spring bean behind it; a
 * name may stand for a narrow facade (the violence line's {@code violenceCases} is
 * {@code ViolenceCaseModelActions}, without the store's {@code read}). A bean missing here fails the model at run
 * time; {@code ModelExpressionBeansTests} checks every expression of {@code bpmn/} against this list.
 */
public final class ModelBeans {

    /** Name in models → Spring bean name. Add a bean here when a model starts using it. */
    public static final Map<String, String> EXPOSED = exposed(
        // forms and notes on every process
        "formValidation", "formValidation",
        // the notices to applicants of every process (notification.NotifierDelegate)
        "applicantNotifier", "applicantNotifier",
        // microcredit
        "microcreditIntake", "microcreditIntake",
        "microcreditApplications", "microcreditApplications",
        "microcreditCommitteeDecision", "microcreditCommitteeDecision",
        "microcreditFourEyes", "microcreditFourEyes",
        "disburseLoan", "disburseLoan",
        "closeLoan", "closeLoan",
        "microcreditLoans", "microcreditLoans",
        // courses
        "courseIntake", "courseIntake",
        "courseApplications", "courseApplications",
        "courseSeats", "courseSeats",
        "courseSeatReservation", "courseSeatReservation",
        "courseSeatRelease", "courseSeatRelease",
        "courseEligibilityGuard", "courseEligibilityGuard",
        "courseAttendance", "courseAttendance",
        "courseCertificateIssuer", "courseCertificateIssuer",
        // producers and stands
        "producerIntake", "producerIntake",
        "producers", "producers",
        "inviteToOrientation", "inviteToOrientation",
        "openShop", "openShop",
        "standRequestIntake", "standRequestIntake",
        "standRequests", "standRequests",
        "allocateStandPlace", "allocateStandPlace",
        // violence line: the case store only through its model-facing facade
        "violenceIntake", "violenceIntake",
        "violenceCases", "violenceCaseModelActions",
        "violenceSla", "violenceSla",
        "violenceNotes", "violenceNotes",
        "violenceRiskInputs", "violenceRiskInputs",
        "violenceReferralPlanner", "violenceReferralPlanner",
        "violenceReferralAnswer", "violenceReferralAnswer",
        "violenceFollowUps", "violenceFollowUps",
        "violenceFollowUpOutcome", "violenceFollowUpOutcome",
        "violenceUnreachableDecision", "violenceUnreachableDecision");

    private ModelBeans() {
    }

    /**
     * The bean map for the engine: answers exactly the {@link #EXPOSED} names and looks each bean up when an
     * expression first needs it (the delegates depend on the engine's services, so they cannot exist while the engine
     * is being built).
     */
    static Map<Object, Object> lazyMap(BeanFactory beans) {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return EXPOSED.containsKey(key);
            }

            @Override
            public Object get(Object key) {
                String bean = EXPOSED.get(key);
                return bean == null ? null : beans.getBean(bean);
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return EXPOSED.entrySet().stream()
                    .map(entry -> Map.entry((Object) entry.getKey(), beans.getBean(entry.getValue())))
                    .collect(Collectors.toUnmodifiableSet());
            }
        };
    }

    private static Map<String, String> exposed(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
