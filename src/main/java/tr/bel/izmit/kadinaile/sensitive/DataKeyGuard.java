package tr.bel.izmit.kadinaile.sensitive;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start without a valid key ({@link DataKey#check(Environment)}). A bean factory post-processor, declared by
 * a {@code static} bean method, so it runs before any bean is created and nothing is written before the check.
 */
public class DataKeyGuard implements BeanFactoryPostProcessor {

    private final Environment environment;
    private final DataKey key;

    public DataKeyGuard(Environment environment, DataKey key) {
        this.environment = environment;
        this.key = key;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        key.check(environment);
    }
}
