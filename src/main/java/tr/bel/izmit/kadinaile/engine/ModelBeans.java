package tr.bel.izmit.kadinaile.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * The only beans that expressions in models reach ({@code ${name.method(…)}}, {@code delegateExpression="${name}"}):
 * the engine's bean map ({@code ProcessEngineConfiguration.setBeans}), which the Spring expression manager uses
 * instead of the whole application context. It is the union of the capabilities' {@link ModelBeanContribution}s,
 * each mapping the names its models use to the Spring beans behind them; a name contributed twice fails the start.
 * A bean missing here fails the model at run time; {@code ModelExpressionBeansTests} checks every expression of
 * {@code bpmn/} against this map.
 */
@Component
public final class ModelBeans {

    /** The engine's own: the form validation on every process. */
    private static final Map<String, String> ENGINE = ModelBeanContribution.sameNames("formValidation");

    private final Map<String, String> exposed;

    ModelBeans(List<ModelBeanContribution> contributions) {
        Map<String, String> exposed = new LinkedHashMap<>(ENGINE);
        for (ModelBeanContribution contribution : contributions) {
            contribution.modelBeans().forEach((name, bean) -> {
                String before = exposed.putIfAbsent(name, bean);
                if (before != null) {
                    throw new IllegalStateException("the name '" + name + "' is given to models twice: " + before + ", " + bean);
                }
            });
        }
        this.exposed = Collections.unmodifiableMap(exposed);
    }

    /** Name in models → Spring bean name, of every capability. */
    public Map<String, String> exposed() {
        return exposed;
    }

    /**
     * The bean map for the engine: answers exactly the {@link #exposed()} names and looks each bean up when an
     * expression first needs it (the delegates depend on the engine's services, so they cannot exist while the engine
     * is being built).
     */
    Map<Object, Object> lazyMap(BeanFactory beans) {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return exposed.containsKey(key);
            }

            @Override
            public Object get(Object key) {
                String bean = exposed.get(key);
                return bean == null ? null : beans.getBean(bean);
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return exposed.entrySet().stream()
                    .map(entry -> Map.entry((Object) entry.getKey(), beans.getBean(entry.getValue())))
                    .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
