package tr.bel.izmit.kadinaile.common.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call which of our staff endpoints ({@code /api/staff/**}, {@code /api/reports/**}, the operations metrics):
 * each capability declares the rules of its own endpoints as a bean, naming its groups in this one place. The caller
 * logs in with HTTP Basic against the Camunda identity; her groups are her authorities. Spring Security checks the
 * rules before any controller runs (first matching rule wins, so a capability lists its narrower paths first); a
 * path no rule names is refused to everyone ({@code identity.WebSecurityConfiguration}), and
 * {@code security.StaffRuleTableTests} fails for any staff endpoint without a rule.
 */
@FunctionalInterface
public interface StaffRules {

    void declare(Declarations rules);

    /**
     * Path prefixes (staff or public) of a confidential process's endpoints whose request meters must not exist: a
     * scraped counter shows each request as it happens (one note read at 14:03). {@code metrics.ConfidentialMeterFilter}
     * drops them.
     */
    default List<String> confidentialPaths() {
        return List.of();
    }

    /** One rule: the requests it covers (method, or every method when null, and path pattern) and the groups allowed. */
    record Rule(HttpMethod method, String pattern, List<String> groupIds) {

        public RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    /** The rules of one capability, in the order they are checked. */
    final class Declarations {

        private final List<Rule> rules = new ArrayList<>();

        /** Every method on the paths matching {@code pattern} (Spring's path patterns: {@code *}, {@code **}). */
        public Declarations allow(String pattern, String... groupIds) {
            return allow(null, pattern, groupIds);
        }

        public Declarations allow(HttpMethod method, String pattern, String... groupIds) {
            if (groupIds.length == 0) {
                throw new IllegalArgumentException("a staff rule names at least one group: " + pattern);
            }
            rules.add(new Rule(method, pattern, List.of(groupIds)));
            return this;
        }

        public List<Rule> rules() {
            return List.copyOf(rules);
        }
    }

    /** All rules of the given contributions, each contribution's in its own order. */
    static List<Rule> collect(List<StaffRules> contributions) {
        List<Rule> all = new ArrayList<>();
        for (StaffRules contribution : contributions) {
            Declarations declarations = new Declarations();
            contribution.declare(declarations);
            all.addAll(declarations.rules());
        }
        return all;
    }
}
