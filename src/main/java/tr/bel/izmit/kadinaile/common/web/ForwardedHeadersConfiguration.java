package tr.bel.izmit.kadinaile.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which reverse proxies may tell the client's address and protocol ({@code app.security.trusted-proxies}, from
 * {@code TRUSTED_PROXIES}; none by default). Replaces Spring Boot's {@code server.forward-headers-strategy=native},
 * which trusts every private and loopback address (set to {@code none}): see {@link TrustedProxyValve}.
 */
@Configuration(proxyBeanMethods = false)
public class ForwardedHeadersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersConfiguration.class);

    @Bean
    TrustedProxies trustedProxies(@Value("${app.security.trusted-proxies:}") String list) {
        TrustedProxies proxies = TrustedProxies.parse(list);
        log.info("X-Forwarded-For/-Proto are honoured from: {}", proxies);
        return proxies;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(TrustedProxies proxies) {
        return factory -> factory.addEngineValves(new TrustedProxyValve(proxies));
    }
}
