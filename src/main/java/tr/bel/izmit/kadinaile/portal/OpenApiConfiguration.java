package tr.bel.izmit.kadinaile.portal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of our public and staff endpoints, served at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kadinAileOpenApi() {
        return new OpenAPI()
            .info(new Info().title("İzmit Kadın ve Aile Hizmetleri API")
                .description("Public applicant portal (/api/public/**, no login) and staff endpoints (/api/staff/**, HTTP Basic "
                    + "against the Camunda identity). The engine's own REST API is at /engine-rest.")
                .version("1"))
            .components(new Components().addSecuritySchemes("staff",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
