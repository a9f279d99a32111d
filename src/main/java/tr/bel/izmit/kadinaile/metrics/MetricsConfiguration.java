package tr.bel.izmit.kadinaile.metrics;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Access to the Prometheus endpoint: the engine's HTTP Basic filter (order 10, see
 * {@code EngineAuthenticationConfiguration}) authenticates, then {@link PrometheusAccessFilter} checks the group.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    FilterRegistrationBean<PrometheusAccessFilter> prometheusAccess(IdentityService identityService) {
        FilterRegistrationBean<PrometheusAccessFilter> registration =
            new FilterRegistrationBean<>(new PrometheusAccessFilter(identityService));
        registration.setName("prometheus-access");
        registration.addUrlPatterns(PrometheusAccessFilter.PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(20);
        return registration;
    }
}
