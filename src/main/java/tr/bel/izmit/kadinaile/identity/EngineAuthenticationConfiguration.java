package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import com.github.benmanes.caffeine.cache.Ticker;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the Camunda identity for the engine's REST API, by the engine's own filter
 * (our own doors use Spring Security with the same cache and throttle: {@link WebSecurityConfiguration}). Anonymous
 * callers get 401. The authenticated user and her
 * groups are set on the engine for the request, so that the engine's authorization checks apply to everything
 * done on her behalf. Successful logins are remembered for {@code app.security.engine-rest-login-cache} (60 s):
 * {@link EngineRestAuthenticationCache}.
 */
@Configuration(proxyBeanMethods = false)
public class EngineAuthenticationConfiguration {

    @Bean
    EngineRestAuthenticationCache engineRestAuthenticationCache(
            @Value("${app.security.engine-rest-login-cache:PT60S}") Duration timeToLive) {
        return new EngineRestAuthenticationCache(timeToLive, Ticker.systemTicker());
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(EngineRestAuthenticationCache cache,
            LoginThrottle throttle) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new CachingEngineAuthenticationFilter(cache, throttle));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(10);
        return registration;
    }
}
