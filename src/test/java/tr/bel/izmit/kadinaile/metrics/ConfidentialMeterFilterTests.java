package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.CaseReference;
import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * What {@link ConfidentialMeterFilter} knows when: the confidential process keys from its construction (the engine's
 * meters come while the application starts), the confidential request paths once every bean exists, without asking
 * for the staff rules beans before (one of them may need the engine, which needs the meter registry and so this filter).
 */
class ConfidentialMeterFilterTests {

    private static final StaffGroup SECRET_STAFF = new StaffGroup("secret-staff", "Gizli Personel");

    private final AtomicInteger rulesCreated = new AtomicInteger();
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    @Test
    void shouldRefuseTheConfidentialProcessesMetersFromTheStartWithoutAskingForTheStaffRules() {
        ConfidentialMeterFilter filter = filter();

        assertThat(rulesCreated).as("no staff rules bean made at construction").hasValue(0);
        assertThat(filter.accept(meter("process", "secret-process"))).isEqualTo(MeterFilterReply.DENY);
        assertThat(filter.accept(meter("processDefinitionKey", "secret-process"))).isEqualTo(MeterFilterReply.DENY);
        assertThat(filter.accept(meter("process", "open-process"))).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(filter.accept(meter("channel", "sms"))).isEqualTo(MeterFilterReply.NEUTRAL);
    }

    @Test
    void shouldLearnTheConfidentialPathsOnceEveryBeanExistsAndKeepRequestMetersClosedUntilThen() {
        ConfidentialMeterFilter filter = filter();
        assertThat(filter.accept(meter("uri", "/api/staff/open"))).as("before the paths are known")
            .isEqualTo(MeterFilterReply.DENY);

        filter.afterSingletonsInstantiated();

        assertThat(rulesCreated).hasValue(1);
        assertThat(filter.accept(meter("uri", "/api/staff/secret/cases/{id}"))).isEqualTo(MeterFilterReply.DENY);
        assertThat(filter.accept(meter("uri", "/basvuru/gizli"))).isEqualTo(MeterFilterReply.DENY);
        assertThat(filter.accept(meter("uri", "/api/staff/open"))).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(filter.accept(meter("uri", "/engine-rest/process-definition/key/secret-process"))).isEqualTo(MeterFilterReply.DENY);
    }

    private ConfidentialMeterFilter filter() {
        StaffRules rules = new StaffRules() {
            @Override
            public void declare(Declarations declarations) {
                declarations.allow("/api/staff/secret/**", SECRET_STAFF.id());
            }

            @Override
            public List<String> confidentialPaths() {
                return List.of("/api/staff/secret", "/basvuru/gizli");
            }
        };
        beans.registerBeanDefinition("secretStaffRules", new RootBeanDefinition(StaffRules.class, () -> {
            rulesCreated.incrementAndGet();
            return rules;
        }));
        return new ConfidentialMeterFilter(new StaffDirectory(List.of(new IdentityContribution() {
            @Override
            public List<StaffGroup> groups() {
                return List.of(SECRET_STAFF);
            }

            @Override
            public List<ProcessAccessPolicy> processes() {
                return List.of(policy("secret-process", true), policy("open-process", false));
            }
        })), beans.getBeanProvider(StaffRules.class));
    }

    private static ProcessAccessPolicy policy(String key, boolean confidential) {
        return new ProcessAccessPolicy(key, Set.of(SECRET_STAFF), Set.of(SECRET_STAFF), Set.of(), Set.of(), Set.of(), confidential,
            CaseReference.TRACKING_CODE);
    }

    private static Meter.Id meter(String tag, String value) {
        return new Meter.Id("test.meter", Tags.of(tag, value), null, null, Meter.Type.COUNTER);
    }
}
