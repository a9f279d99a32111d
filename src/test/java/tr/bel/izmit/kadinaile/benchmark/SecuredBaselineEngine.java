package tr.bel.izmit.kadinaile.benchmark;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The secured baseline (issue 26): Camunda 7.24 as the Spring Boot starter gives it, secured the way Camunda documents
 * it and nothing more. Authorization is switched on by {@code camunda.bpm.authorization.enabled=true} (set in
 * {@link EngineUnderTest#securedBaseline}), and the engine REST API is behind Camunda's own authentication filter with
 * HTTP Basic, registered as the REST API reference ("Configure Authentication") prescribes and as Camunda Run registers
 * it for {@code camunda.bpm.run.auth.enabled=true}: {@link ProcessEngineAuthenticationFilter} with
 * {@link HttpBasicAuthenticationProvider} on the REST API's whole path. Every other setting is the starter's own
 * (history level full, default task permission {@code UPDATE}, authorization-check revokes {@code auto}, the engine's
 * own authorization row per candidate group of every task, created as it creates the task).
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan must never pick it up.
 */
@EnableAutoConfiguration
public class SecuredBaselineEngine {

    @Bean
    FilterRegistrationBean<Filter> processEngineAuthenticationFilter(
            @Value("${spring.jersey.application-path:/engine-rest}") String restApiPath) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.setOrder(1);
        registration.addUrlPatterns(restApiPath + "/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
