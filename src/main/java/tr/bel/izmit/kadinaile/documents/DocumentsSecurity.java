package tr.bel.izmit.kadinaile.documents;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.Doors;
import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.identity.WebappSessionSecurityContextRepository;

/**
 * Who reads uploaded documents: under {@value #STAFF_PATH}{@code /<process key>/**} the groups the process's access
 * policy names as its starters and participants (the staff who work on its cases), nobody else: not the staff of
 * other services, not the observers (managers who only watch a process's figures), not the administrators. The
 * officer opens the list from her Tasklist form, so this door takes the web apps' login (their session, as the
 * managers' pages do) as well as HTTP Basic against the Camunda identity, as the rest of the staff API. It sits just
 * before the staff API's chain, with rules of the same kind ({@link StaffRules}); a path of no declared process falls
 * to a rule for every group that reads some process's documents, and the controller answers it with 404.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsSecurity {

    static final String STAFF_PATH = "/api/staff/documents";

    @Bean
    StaffRules documentsStaffRules(DocumentCatalog catalog, StaffDirectory directory) {
        return rules -> {
            Set<String> everyReader = new LinkedHashSet<>();
            for (RequiredDocuments service : catalog.all()) {
                List<String> readers = readers(directory, service.processKey());
                if (!readers.isEmpty()) {
                    rules.allow(STAFF_PATH + "/" + service.processKey() + "/**", readers.toArray(String[]::new));
                    everyReader.addAll(readers);
                }
            }
            if (!everyReader.isEmpty()) {
                rules.allow(STAFF_PATH + "/**", everyReader.toArray(String[]::new));
            }
        };
    }

    /** The starters and participants of the process's policy. */
    static List<String> readers(StaffDirectory directory, String processKey) {
        Set<String> groups = new LinkedHashSet<>();
        for (ProcessAccessPolicy policy : directory.policies()) {
            if (policy.processKey().equals(processKey)) {
                policy.starters().stream().map(StaffGroup::id).forEach(groups::add);
                policy.participants().stream().map(StaffGroup::id).forEach(groups::add);
            }
        }
        return List.copyOf(groups);
    }

    @Bean
    @Order(Doors.DOCUMENTS)
    SecurityFilterChain documentsStaff(HttpSecurity http, ProcessEngine engine, AuthenticationProvider camundaIdentityAuthentication,
            StaffRules documentsStaffRules) throws Exception {
        List<StaffRules.Rule> rules = StaffRules.collect(List.of(documentsStaffRules));
        return http.securityMatcher(Doors.paths(STAFF_PATH + "/**"))
            .securityContext(context -> context.securityContextRepository(new WebappSessionSecurityContextRepository(engine)))
            .authenticationManager(new ProviderManager(camundaIdentityAuthentication))
            .httpBasic(basic -> basic.authenticationEntryPoint(CHALLENGE))
            .authorizeHttpRequests(requests -> {
                rules.forEach(rule -> requests.requestMatchers(rule.matcher()).hasAnyAuthority(rule.groupIds().toArray(String[]::new)));
                requests.anyRequest().denyAll();
            })
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(CHALLENGE)
                .accessDeniedHandler((request, response, denied) -> text(response, HttpServletResponse.SC_FORBIDDEN,
                    Texts.get("documents.staff.forbidden"))))
            .csrf(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .headers(headers -> headers.addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                .contentTypeOptions(options -> { })
                .frameOptions(frames -> frames.sameOrigin()))
            .build();
    }

    private static final AuthenticationEntryPoint CHALLENGE = (request, response, missing) -> {
        response.setHeader("WWW-Authenticate", "Basic realm=\"kadin-aile\", charset=\"UTF-8\"");
        text(response, HttpServletResponse.SC_UNAUTHORIZED, Texts.get("documents.staff.unauthorized"));
    };

    private static void text(HttpServletResponse response, int status, String message) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
