package tr.bel.izmit.kadinaile.common;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code messageSource} is the Turkish bundle of {@link Texts}: Spring Boot's own would look for
 * a {@code messages.properties} without language, and would follow the request's locale.
 */
@Configuration(proxyBeanMethods = false)
class TextsConfiguration {

    @Bean
    MessageSource messageSource() {
        return Texts.messageSource();
    }
}
