package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import io.holunda.camunda.bpm.data.factory.BasicVariableFactory;
import tr.bel.izmit.kadinaile.courses.CourseProcess;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;

/**
 * Every expression of every model in {@code bpmn/} resolves, so that renaming a bean, a method, a property or a
 * process variable fails the build rather than a case at run time. Each model is read as XML and every
 * {@code ${…}} / {@code #{…}} in any attribute or text (conditions, listeners, service tasks, inputs and outputs,
 * timers, assignees and candidate groups, multi-instance collections) is parsed into its chains
 * ({@code bean.method(a, b).property.method()}) and checked against what the engine really runs with:
 * <ul>
 * <li>a name is a bean of the engine's bean map, a process variable the process descriptor declares
 * ({@code *Process.Vars}), a variable the model itself declares (result variables, output parameters, multi-instance
 * elements, the initiator), or one of the engine's own ({@code execution}, {@code task}, {@code dateTime()});</li>
 * <li>each method called exists on the bean's real class (behind any proxy) with that number of arguments, and each
 * property or method further down the chain exists on the type the step before returns (typed variables:
 * the type {@code *Process.Typed} declares);</li>
 * <li>a {@code delegateExpression} names a bean of the kind its place needs (a {@link JavaDelegate} for a task, an
 * {@link ExecutionListener} or a {@link TaskListener} for a listener), and no model names a Java class.</li>
 * </ul>
 * The checker itself is proved on broken copies of a real model ({@link #shouldReportARenamedMethodAVariableAndAWrongDelegate}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelExpressionsResolveTests {

    /** Process id → its descriptor: the variables it declares, by name, with the type where one is declared. */
    private static final Map<String, Class<?>> DESCRIPTORS = Map.of(
        MicrocreditProcess.KEY, MicrocreditProcess.class,
        ViolenceLineProcess.KEY, ViolenceLineProcess.class,
        CourseProcess.KEY, CourseProcess.class,
        ProducerOnboardingProcess.KEY, ProducerOnboardingProcess.class,
        MarketStandProcess.KEY, MarketStandProcess.class,
        CounsellingProcess.KEY, CounsellingProcess.class);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext applicationContext;

    private Map<Object, Object> beans;

    @BeforeEach
    void engineBeans() {
        beans = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getBeans();
    }

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldResolveEveryExpressionOfTheModel(Path model) throws Exception {
        Checker checker = checker();
        String xml = Files.readString(model);
        List<String> problems = checker.check(xml);

        assertThat(problems).as(model.toString()).isEmpty();
        assertThat(checker.expressions).as("expressions read in " + model)
            .isEqualTo(xml.split("[$#]\\{", -1).length - 1 - checker.delegates);
        assertThat(checker.calls).as("method calls on beans checked in " + model).isPositive();
        assertThat(checker.delegates).as("delegate expressions checked in " + model).isPositive();
        assertThat(checker.variablesSeen).as("process variables checked in " + model).isPositive();
    }

    @Test
    void shouldKnowEveryProcessOfTheModels() throws Exception {
        Set<String> processes = new LinkedHashSet<>();
        for (Path model : models()) {
            Element root = parse(Files.readString(model)).getDocumentElement();
            for (Element process : children(root, "process")) {
                processes.add(process.getAttribute("id"));
            }
        }
        assertThat(DESCRIPTORS.keySet()).containsExactlyInAnyOrderElementsOf(processes);
    }

    @Test
    void shouldReportARenamedMethodAVariableAndAWrongDelegate() throws Exception {
        String model = Files.readString(Path.of("bpmn/microcredit-application.bpmn"));
        assertThat(checker().check(model)).isEmpty();

        assertThat(checker().check(model.replace("microcreditApplications.markStatus(", "microcreditApplications.markState(")))
            .anyMatch(problem -> problem.contains("markState/2"));
        assertThat(checker().check(model.replace("markStatus(applicationId, 'APPROVED')", "markStatus(applicationId)")))
            .anyMatch(problem -> problem.contains("markStatus/1"));
        assertThat(checker().check(model.replace("${committeeDecision == 'APPROVE'}", "${comitteeDecision == 'APPROVE'}")))
            .anyMatch(problem -> problem.contains("'comitteeDecision'"));
        assertThat(checker().check(model.replace("installment(installmentId).sequence", "installment(installmentId).sequenceNumber")))
            .anyMatch(problem -> problem.contains("sequenceNumber"));
        assertThat(checker().check(model.replace("delegateExpression=\"${disburseLoan}\"", "delegateExpression=\"${microcreditFourEyes}\"")))
            .anyMatch(problem -> problem.contains("microcreditFourEyes") && problem.contains("JavaDelegate"));
        assertThat(checker().check(model.replace("delegateExpression=\"${disburseLoan}\"", "delegateExpression=\"${disburseLoans}\"")))
            .anyMatch(problem -> problem.contains("'disburseLoans'"));
        assertThat(checker().check(model.replace("delegateExpression=\"${disburseLoan}\"", "class=\"tr.bel.Anything\"")))
            .anyMatch(problem -> problem.contains("camunda:class"));
        assertThat(checker().check(model.replace("${microcreditApplications.assertWithdrawable(applicationId)}",
            "${microcreditApplications.assertWithdrawable(aplicationId)}")))
            .anyMatch(problem -> problem.contains("'aplicationId'"));
        assertThat(checker().check(model.replace("${microcreditApplications.assertWithdrawable(applicationId)}",
            "${runtimeService.getActiveActivityIds(applicationId)}")))
            .anyMatch(problem -> problem.contains("'runtimeService'"));
    }

    private Checker checker() {
        return new Checker(name -> beans.containsKey(name) ? AopUtils.getTargetClass(beans.get(name)) : null,
            applicationContext::containsBean);
    }

    /** Checks the expressions of one model; counts what it checked, so that a test can tell it saw something. */
    static final class Checker {

        private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof");
        /** The engine's own names in expressions. */
        private static final Map<String, Class<?>> ENGINE_VARIABLES = Map.of("execution", DelegateExecution.class,
            "task", DelegateTask.class);
        /** The engine's expression functions and what they return. */
        private static final Map<String, Class<?>> ENGINE_FUNCTIONS = Map.of("dateTime", DateTime.class,
            "now", java.util.Date.class);
        /** Attributes whose value names variables the model itself declares. */
        private static final Set<String> DECLARING_ATTRIBUTES = Set.of("resultVariable", "elementVariable", "initiator");

        private final Function<String, Class<?>> engineBean;
        private final Function<String, Boolean> applicationBean;
        private final List<String> problems = new ArrayList<>();
        private Map<String, Class<?>> variables = Map.of();
        private String where = "";
        int expressions;
        int calls;
        int delegates;
        int variablesSeen;

        Checker(Function<String, Class<?>> engineBean, Function<String, Boolean> applicationBean) {
            this.engineBean = engineBean;
            this.applicationBean = applicationBean;
        }

        List<String> check(String xml) throws Exception {
            Element root = parse(xml).getDocumentElement();
            for (Element process : children(root, "process")) {
                variables = declaredVariables(process);
                walk(process);
            }
            variables = Map.of();
            return problems;
        }

        private Map<String, Class<?>> declaredVariables(Element process) {
            Map<String, Class<?>> declared = new HashMap<>();
            Class<?> descriptor = DESCRIPTORS.get(process.getAttribute("id"));
            if (descriptor == null) {
                problems.add("process " + process.getAttribute("id") + " has no descriptor (*Process class)");
                return declared;
            }
            for (Class<?> nested : descriptor.getDeclaredClasses()) {
                if (nested.getSimpleName().equals("Vars")) {
                    for (Field field : nested.getFields()) {
                        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                            declared.put((String) read(field), null);
                        }
                    }
                }
            }
            for (Class<?> nested : descriptor.getDeclaredClasses()) {
                if (nested.getSimpleName().equals("Typed")) {
                    for (Field field : nested.getFields()) {
                        if (read(field) instanceof BasicVariableFactory<?> factory) {
                            declared.put(factory.getName(), factory.getVariableClass());
                        }
                    }
                }
            }
            declareFromModel(process, declared);
            return declared;
        }

        private static void declareFromModel(Element element, Map<String, Class<?>> declared) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (DECLARING_ATTRIBUTES.contains(attribute.getLocalName()) && !attribute.getValue().contains("${")) {
                    declared.putIfAbsent(attribute.getValue(), null);
                }
            }
            if (Set.of("inputParameter", "outputParameter").contains(element.getLocalName())) {
                declared.putIfAbsent(element.getAttribute("name"), null);
            }
            for (Element child : children(element, null)) {
                declareFromModel(child, declared);
            }
        }

        private void walk(Element element) {
            String id = element.getAttribute("id");
            String previous = where;
            if (!id.isEmpty()) {
                where = id;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName();
                if ("class".equals(name) && isCamunda(attribute)) {
                    problems.add(where + ": camunda:class=\"" + attribute.getValue() + "\": models reach only named beans");
                } else if ("delegateExpression".equals(name)) {
                    checkDelegate(element, attribute.getValue());
                } else {
                    expressions(attribute.getValue(), where + " @" + name);
                }
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element nested) {
                    walk(nested);
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    expressions(child.getNodeValue(), where + " <" + element.getLocalName() + ">");
                }
            }
            where = previous;
        }

        private static boolean isCamunda(Attr attribute) {
            return attribute.getNamespaceURI() != null && attribute.getNamespaceURI().contains("camunda");
        }

        private void checkDelegate(Element element, String value) {
            delegates++;
            String text = value.trim();
            if (!text.matches("\\$\\{[A-Za-z_]\\w*}")) {
                problems.add(where + ": delegateExpression \"" + value + "\" is not a plain bean name");
                return;
            }
            String name = text.substring(2, text.length() - 1);
            Class<?> type = engineBean.apply(name);
            if (type == null) {
                problems.add(where + ": delegateExpression names '" + name + "', which is not in the engine's bean map");
                return;
            }
            Class<?> needed = switch (element.getLocalName()) {
                case "executionListener" -> ExecutionListener.class;
                case "taskListener" -> TaskListener.class;
                default -> JavaDelegate.class;
            };
            if (!needed.isAssignableFrom(type)) {
                problems.add(where + ": delegateExpression '" + name + "' (" + type.getSimpleName() + ") is no "
                    + needed.getSimpleName() + ", as <" + element.getLocalName() + "> needs");
            }
        }

        private void expressions(String text, String place) {
            int start = indexOfExpression(text, 0);
            while (start >= 0) {
                int end = text.indexOf('}', start);
                if (end < 0) {
                    problems.add(place + ": unterminated expression in \"" + text + "\"");
                    return;
                }
                String expression = text.substring(start + 2, end);
                expressions++;
                new Parser(expression, place + ": ${" + expression + "}").expression(Set.of());
                start = indexOfExpression(text, end + 1);
            }
        }

        private static int indexOfExpression(String text, int from) {
            int dollar = text.indexOf("${", from);
            int hash = text.indexOf("#{", from);
            return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
        }

        /** A small reader of the expression language: it follows chains and skips operators and literals. */
        private final class Parser {
            private final List<String> tokens;
            private final String place;
            private int position;

            Parser(String expression, String place) {
                this.tokens = tokens(expression);
                this.place = place;
            }

            /** Reads until one of the stop tokens (not consumed) or the end; returns the number of arguments read. */
            int expression(Set<String> stops) {
                int arguments = 0;
                boolean any = false;
                while (position < tokens.size() && !stops.contains(tokens.get(position))) {
                    String token = tokens.get(position);
                    any = true;
                    if (",".equals(token)) {
                        arguments++;
                        position++;
                    } else if ("(".equals(token) || "[".equals(token)) {
                        position++;
                        expression(Set.of(")", "]"));
                        position++;
                    } else if (isIdentifier(token) && !KEYWORDS.contains(token)) {
                        chain();
                    } else {
                        position++;
                    }
                }
                return any ? arguments + 1 : 0;
            }

            private void chain() {
                String root = tokens.get(position++);
                Class<?> type;
                boolean known;
                if ("(".equals(peek())) {
                    type = ENGINE_FUNCTIONS.get(root);
                    known = type != null;
                    if (!known) {
                        problems.add(place + ": unknown function '" + root + "'");
                    }
                    arguments();
                } else if (engineBean.apply(root) != null) {
                    type = engineBean.apply(root);
                    known = true;
                } else if (ENGINE_VARIABLES.containsKey(root)) {
                    type = ENGINE_VARIABLES.get(root);
                    known = true;
                } else if (variables.containsKey(root)) {
                    variablesSeen++;
                    type = variables.get(root);
                    known = type != null;
                } else {
                    problems.add(place + ": '" + root + "' is neither a bean of the engine's bean map nor a variable of the"
                        + " process descriptor or the model" + (applicationBean.apply(root) ? " (it is an application bean"
                        + " outside the bean map)" : ""));
                    type = null;
                    known = false;
                }
                boolean bean = engineBean.apply(root) != null;
                while (".".equals(peek()) || "[".equals(peek())) {
                    if ("[".equals(tokens.get(position))) {
                        position++;
                        expression(Set.of("]"));
                        position++;
                        known = false;
                        continue;
                    }
                    position++;
                    String member = tokens.get(position++);
                    if ("(".equals(peek())) {
                        int arity = arguments();
                        if (bean) {
                            calls++;
                        }
                        type = known ? method(type, member, arity) : null;
                    } else {
                        type = known ? property(type, member) : null;
                    }
                    known = type != null;
                    bean = false;
                }
            }

            /** Reads {@code (a, b)} and returns the number of arguments. */
            private int arguments() {
                position++;
                int arity = expression(Set.of(")"));
                position++;
                return arity;
            }

            private Class<?> method(Class<?> type, String name, int arity) {
                List<Method> candidates = Arrays.stream(type.getMethods())
                    .filter(method -> method.getName().equals(name) && method.getDeclaringClass() != Object.class
                        || method.getName().equals(name) && Set.of("toString", "hashCode", "equals").contains(name))
                    .filter(method -> method.getParameterCount() == arity || method.isVarArgs() && arity >= method.getParameterCount() - 1)
                    .toList();
                if (candidates.isEmpty()) {
                    problems.add(place + ": " + type.getName() + " has no public method " + name + "/" + arity);
                    return null;
                }
                Set<Class<?>> returns = new LinkedHashSet<>();
                candidates.forEach(method -> returns.add(method.getReturnType()));
                return returns.size() == 1 && !Object.class.equals(returns.iterator().next()) ? returns.iterator().next() : null;
            }

            private Class<?> property(Class<?> type, String name) {
                if (Map.class.isAssignableFrom(type)) {
                    return null;
                }
                String capitalised = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
                for (Method method : type.getMethods()) {
                    if (method.getParameterCount() == 0 && (method.getName().equals("get" + capitalised)
                        || method.getName().equals("is" + capitalised) || method.getName().equals(name))) {
                        return Object.class.equals(method.getReturnType()) ? null : method.getReturnType();
                    }
                }
                for (Field field : type.getFields()) {
                    if (field.getName().equals(name)) {
                        return field.getType();
                    }
                }
                problems.add(place + ": " + type.getName() + " has no property '" + name + "'");
                return null;
            }

            private String peek() {
                return position < tokens.size() ? tokens.get(position) : "";
            }
        }

        private static boolean isIdentifier(String token) {
            return Character.isJavaIdentifierStart(token.charAt(0));
        }

        private static List<String> tokens(String expression) {
            String text = expression.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'' || c == '"') {
                    int end = text.indexOf(c, i + 1);
                    end = end < 0 ? text.length() - 1 : end;
                    tokens.add("'literal'");
                    i = end + 1;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int end = i;
                    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                        end++;
                    }
                    tokens.add(text.substring(i, end));
                    i = end;
                } else if (Character.isDigit(c)) {
                    int end = i;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.'
                        && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)))) {
                        end++;
                    }
                    tokens.add("0");
                    i = end;
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
            return tokens;
        }

        private static Object read(Field field) {
            try {
                return field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(field.toString(), e);
            }
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Child elements, all or those of one local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                children.add(element);
            }
        }
        return children;
    }
}
