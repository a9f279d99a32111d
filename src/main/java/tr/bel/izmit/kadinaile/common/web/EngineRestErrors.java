package tr.bel.izmit.kadinaile.common.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.support.WebApplicationContextUtils;

import tr.bel.izmit.kadinaile.common.web.EngineRestConflicts.Conflicts;

/**
 * How the engine REST API answers a failure, on both of its doors: {@code /engine-rest} (the REST starter's Jersey
 * application) and {@code /camunda/api/engine} (the web apps' own Jersey application, which Tasklist calls).
 * <ol>
 *   <li>the caller's own bad input ({@link EngineRestBadInput}): 400 with a Turkish message and the fields, never an
 *       engine code or a class name; first of all a {@link tr.bel.izmit.kadinaile.common.ValidationFailedException}
 *       anywhere among the causes (a listener's rule, wrapped by the engine, or thrown as is);</li>
 *   <li>a lost race with another user ({@link EngineRestConflicts}): 409;</li>
 *   <li>everything else: the engine REST API's own answer (403, 404, 500 ...).</li>
 * </ol>
 * The same mapper classes serve both doors. JAX-RS picks a mapper by the nearest exception type, so there is one
 * per type the engine REST API and Jersey's Jackson module map themselves, each with a higher priority than theirs.
 * On {@code /engine-rest} they are registered through Spring Boot's {@link ResourceConfigCustomizer}; on the web apps'
 * engine API through Jersey's documented init parameter {@value ServerProperties#PROVIDER_CLASSNAMES} of the servlet
 * the web app starter registers ("Engine Api"), added right after the starter's initializer has registered it. Jersey
 * creates these mappers itself; they find the decision ({@link Answers}) in the application context.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestErrors {

    /** The name under which {@link CamundaBpmWebappInitializer} registers the web apps' engine REST API servlet. */
    static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

    static final List<Class<? extends ExceptionMapper<?>>> MAPPERS = List.of(RestFailureMapper.class,
        EngineFailureMapper.class, OtherFailureMapper.class, JsonParseFailureMapper.class, JsonMappingFailureMapper.class);

    @Bean
    Answers engineRestAnswers(ObjectProvider<ProcessEngine> engine) {
        return new Answers(new Conflicts(engine));
    }

    @Bean
    ResourceConfigCustomizer engineRestErrorMappers() {
        return config -> MAPPERS.forEach(config::register);
    }

    /**
     * Adds the mappers to the web apps' engine REST API: wraps the web app starter's initializer so that, once it has
     * registered the servlet, our provider classes are added to the servlet's init parameters (read by Jersey when the
     * servlet starts). Fails the start-up when the servlet is not there, rather than leaving Tasklist without them.
     */
    @Bean
    static BeanPostProcessor webappEngineApiErrorMappers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof CamundaBpmWebappInitializer webapps)) {
                    return bean;
                }
                return (ServletContextInitializer) servletContext -> {
                    webapps.onStartup(servletContext);
                    registerOnWebappEngineApi(servletContext);
                };
            }
        };
    }

    static void registerOnWebappEngineApi(ServletContext servletContext) {
        ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
        if (engineApi == null) {
            throw new IllegalStateException("the Camunda web apps registered no servlet '" + WEBAPP_ENGINE_API_SERVLET
                + "'; the error mappers of the web apps' engine REST API cannot be added");
        }
        String ours = MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
        // setInitParameter never overwrites; the starter names no providers of its own (7.24): should a later
        // version do so, start-up stops here instead of silently dropping theirs or ours
        if (!engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, ours)) {
            throw new IllegalStateException("the servlet '" + WEBAPP_ENGINE_API_SERVLET + "' already names providers ("
                + engineApi.getInitParameter(ServerProperties.PROVIDER_CLASSNAMES) + "); add ours to them: " + ours);
        }
    }

    /** The decision, shared by every mapper of both doors. */
    public static final class Answers {

        private final Conflicts conflicts;

        Answers(Conflicts conflicts) {
            this.conflicts = conflicts;
        }

        Response toResponse(Throwable failure) {
            Response badInput = EngineRestBadInput.answer(failure);
            if (badInput != null) {
                return badInput;
            }
            if (conflicts.isConflict(failure)) {
                return EngineRestConflicts.conflict();
            }
            return ExceptionHandlerHelper.getInstance().getResponse(failure);
        }
    }

    /**
     * One subclass per exception type: JAX-RS picks a mapper by the type argument of its concrete class. Jersey
     * creates them (a public no-argument constructor) and injects the servlet context, through which the decision is
     * found in the application context.
     */
    abstract static class ErrorMapper<E extends Throwable> implements ExceptionMapper<E> {

        @Context
        private ServletContext servletContext;

        private volatile Answers answers;

        @Override
        public Response toResponse(E exception) {
            return answers().toResponse(exception);
        }

        private Answers answers() {
            Answers found = answers;
            if (found == null) {
                found = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(Answers.class);
                answers = found;
            }
            return found;
        }
    }

    /** The engine REST API's own wrapper ("Cannot submit task form ...", "Cannot complete task ..."). */
    @Priority(1000)
    public static final class RestFailureMapper extends ErrorMapper<RestException> {
    }

    /** The engine's exceptions that the resources let through (a rule thrown outside a listener, permissions ...). */
    @Priority(1000)
    public static final class EngineFailureMapper extends ErrorMapper<ProcessEngineException> {
    }

    /**
     * Failures that are no engine exception at all: the loser of a completion race can fail inside the engine with a
     * NullPointerException (its task read before, its execution read after the winner's commit), which the engine
     * REST API does not wrap and answers with 500.
     */
    @Priority(1000)
    public static final class OtherFailureMapper extends ErrorMapper<Throwable> {
    }

    /** A body that is no JSON; Jersey's Jackson module would answer with the parser's English message as text. */
    @Priority(1000)
    public static final class JsonParseFailureMapper extends ErrorMapper<JsonParseException> {
    }

    /** JSON of the wrong shape; Jersey's Jackson module would answer with Java type names. */
    @Priority(1000)
    public static final class JsonMappingFailureMapper extends ErrorMapper<JsonMappingException> {
    }
}
