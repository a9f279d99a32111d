package tr.bel.izmit.kadinaile.engine;

import java.util.Map;

/**
 * The beans a capability's models reach by name ({@code ${name.method(…)}}, {@code delegateExpression="${name}"}),
 * one bean of this type in the capability's own package. Only the names contributed here are reachable from
 * expressions ({@link ModelBeans}); everything else in the application context stays out of the models' reach.
 */
public interface ModelBeanContribution {

    /**
     * Name in models → Spring bean name. A name may stand for a narrow facade (the violence line's
     * {@code violenceCases} is its {@code violenceCaseModelActions}, without the store's {@code read}).
     */
    Map<String, String> modelBeans();

    /** A contribution whose names in models are the beans' own names. */
    static Map<String, String> sameNames(String... beanNames) {
        Map<String, String> beans = new java.util.LinkedHashMap<>();
        for (String name : beanNames) {
            beans.put(name, name);
        }
        return java.util.Collections.unmodifiableMap(beans);
    }
}
