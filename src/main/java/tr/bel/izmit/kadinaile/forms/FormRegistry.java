package tr.bel.izmit.kadinaile.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every Camunda Form of the application ({@code forms/*.form} on the classpath), read once at start-up
 * and looked up by form id. A form that cannot be read stops the start-up.
 */
@Component
public class FormRegistry {

    static final String LOCATION = "classpath*:forms/*.form";

    private static final Logger LOG = LoggerFactory.getLogger(FormRegistry.class);

    private final Map<String, FormSchema> forms;

    public FormRegistry() {
        this(loadAll(LOCATION));
        LOG.info("{} Camunda Form(s) loaded for server-side validation: {}", forms.size(), forms.keySet());
    }

    private FormRegistry(Collection<FormSchema> schemas) {
        Map<String, FormSchema> byId = new LinkedHashMap<>();
        for (FormSchema schema : schemas) {
            if (byId.putIfAbsent(schema.id(), schema) != null) {
                throw new IllegalStateException("two forms have the id '" + schema.id() + "'");
            }
        }
        this.forms = Collections.unmodifiableMap(byId);
    }

    /** A registry of the given forms only, for tests. */
    public static FormRegistry of(FormSchema... schemas) {
        return new FormRegistry(Arrays.asList(schemas));
    }

    /** Parses one form-js JSON document (see {@link FormSchema#parse(String)}). */
    public static FormSchema parse(String json) {
        return FormSchema.parse(json);
    }

    /** Parses one form-js JSON document (see {@link FormSchema#parse(InputStream)}). */
    public static FormSchema parse(InputStream json) throws IOException {
        return FormSchema.parse(json);
    }

    public Optional<FormSchema> find(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    /** @throws IllegalArgumentException naming the id when there is no such form */
    public FormSchema get(String formId) {
        return find(formId).orElseThrow(() -> new IllegalArgumentException("no form with the id '" + formId + "'"));
    }

    /** All loaded forms. */
    public Collection<FormSchema> all() {
        return forms.values();
    }

    private static Collection<FormSchema> loadAll(String locationPattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the forms at " + locationPattern, e);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        List<FormSchema> schemas = new ArrayList<>();
        for (Resource resource : resources) {
            FormSchema schema = load(resource);
            String earlier = sources.putIfAbsent(schema.id(), resource.getDescription());
            if (earlier != null) {
                throw new IllegalStateException("the form id '" + schema.id() + "' is used by both " + earlier
                    + " and " + resource.getDescription());
            }
            schemas.add(schema);
        }
        return schemas;
    }

    private static FormSchema load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return FormSchema.parse(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the form " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
