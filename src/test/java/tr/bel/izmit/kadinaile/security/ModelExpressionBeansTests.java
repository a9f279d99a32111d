package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.engine.ModelBeans;

/**
 * Every expression of every model in {@code bpmn/} resolves against the engine's bean map ({@link ModelBeans}):
 * each {@code delegateExpression} and each bean a method is called on is in the map, the method exists on the object
 * the map gives, and no expression names an application bean the map leaves out. The engine runs with exactly that
 * map.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelExpressionBeansTests {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z_]\\w*)}\"");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.'])([A-Za-z_]\\w*)\\.(\\w+)\\(([^()]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'])([A-Za-z_]\\w*)(?![\\w(])");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'");

    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ModelBeans modelBeans;

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldResolveEveryExpressionAgainstTheBeanMap(Path model) throws IOException {
        String xml = Files.readString(model);
        Set<String> delegates = new LinkedHashSet<>();
        Matcher delegate = DELEGATE.matcher(xml);
        while (delegate.find()) {
            delegates.add(delegate.group(1));
        }
        assertThat(modelBeans.exposed()).as("delegate expressions of " + model).containsKeys(delegates.toArray(String[]::new));

        Matcher expression = EXPRESSION.matcher(xml);
        int calls = 0;
        while (expression.find()) {
            String text = expression.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                String name = call.group(1);
                if (modelBeans.exposed().containsKey(name)) {
                    calls++;
                    int arity = call.group(3).isBlank() ? 0 : call.group(3).split(",").length;
                    assertThat(publicMethods(name)).as(model + ": " + text).contains(call.group(2) + "/" + arity);
                }
            }
            Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(text).replaceAll("''"));
            while (identifier.find()) {
                String name = identifier.group(1);
                if (!modelBeans.exposed().containsKey(name) && !Set.of("true", "false", "null", "empty", "not", "and", "or",
                        "eq", "ne", "lt", "gt", "le", "ge", "div", "mod").contains(name)) {
                    assertThat(applicationContext.containsBean(name))
                        .as(model + ": '" + name + "' in " + text + " is an application bean outside the bean map").isFalse();
                }
            }
        }
        assertThat(delegates.size() + calls).as("expressions reaching beans in " + model).isPositive();
    }

    @Test
    void shouldRunTheEngineWithExactlyTheBeanMap() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Map<Object, Object> beans = configuration.getBeans();

        assertThat(configuration.getExpressionManager()).isInstanceOf(SpringExpressionManager.class);
        for (String name : modelBeans.exposed().keySet()) {
            assertThat(beans.containsKey(name)).as(name).isTrue();
            assertThat(beans.get(name)).as(name).isSameAs(applicationContext.getBean(modelBeans.exposed().get(name)));
        }
        for (String bean : List.of("violenceCaseStore", "identityService", "runtimeService", "processEngine", "jdbcTemplate",
                "dataSource", "violenceCaseModelActions")) {
            assertThat(beans.containsKey(bean)).as(bean).isFalse();
        }
        assertThat(beans.get("violenceCases")).as("the violence line's case store only through its facade")
            .isNotSameAs(applicationContext.getBean("violenceCases"));
        assertThat(publicMethods("violenceCases")).noneMatch(method -> method.startsWith("read/"));
    }

    private Set<String> publicMethods(String name) {
        Class<?> type = AopUtils.getTargetClass(applicationContext.getBean(modelBeans.exposed().get(name)));
        Set<String> methods = new LinkedHashSet<>();
        Arrays.stream(type.getMethods())
            .filter(method -> Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class)
            .map(method -> method.getName() + "/" + method.getParameterCount())
            .forEach(methods::add);
        return methods;
    }
}
