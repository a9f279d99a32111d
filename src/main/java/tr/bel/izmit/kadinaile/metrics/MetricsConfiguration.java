package tr.bel.izmit.kadinaile.metrics;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Access to the Prometheus endpoint: the engine's HTTP Basic filter (order 10, see
 * {@code EngineAuthenticationConfiguration}) authenticates, then {@link PrometheusAccessFilter} checks the group.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** {@code /api/reports/**}: the same HTTP Basic login against the Camunda identity as {@code /api/staff/**}. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> reportsAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("reports-authentication");
        registration.addUrlPatterns(ActivityReportController.REPORTS_PATH + "/*");
        registration.setInitParameters(Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(10);
        return registration;
    }

    /** {@code /yonetim/**}: the managers' pages, for whoever is logged in to the Camunda web apps as a manager. */
    @Bean
    FilterRegistrationBean<ManagerSessionFilter> managerPages(ProcessEngine engine) {
        FilterRegistrationBean<ManagerSessionFilter> registration =
            new FilterRegistrationBean<>(new ManagerSessionFilter(engine.getIdentityService(), engine.getName()));
        registration.setName("manager-pages");
        registration.addUrlPatterns(ManagerSessionFilter.PATH, ManagerSessionFilter.PATH + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(20);
        return registration;
    }

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
