package tr.bel.izmit.kadinaile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Case management of İzmit Municipality's Women and Family Services directorate: one Spring Boot
 * application with an embedded Camunda 7 engine, its web apps and our own capabilities.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KadinAileApplication {

    public static void main(String[] args) {
        SpringApplication.run(KadinAileApplication.class, args);
    }
}
