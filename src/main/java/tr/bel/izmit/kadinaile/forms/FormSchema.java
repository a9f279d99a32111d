package tr.bel.izmit.kadinaile.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Camunda Form (form-js JSON) reduced to its id and its input fields in the order they appear; fields
 * inside groups and dynamic lists are flattened into the same list.
 */
public record FormSchema(String id, List<FormField> fields) {

    public FormSchema {
        Objects.requireNonNull(id, "id");
        fields = List.copyOf(fields);
    }

    /** Parses one form-js JSON document. */
    public static FormSchema parse(String json) {
        return FormSchemaParser.parse(json);
    }

    /** Parses one form-js JSON document; the stream is read but not closed. */
    public static FormSchema parse(InputStream json) throws IOException {
        return FormSchemaParser.parse(json);
    }

    /** The field with this key outside any dynamic list. */
    public Optional<FormField> field(String key) {
        return topLevelFields().stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /** The fields outside any dynamic list (a dynamic list itself is one of them). */
    public List<FormField> topLevelFields() {
        return fields.stream().filter(field -> !field.inList()).toList();
    }

    /** The fields repeated in the dynamic list with this path. */
    public List<FormField> fieldsInList(String listPath) {
        return fields.stream().filter(field -> listPath.equals(field.listPath())).toList();
    }

    /** The keys a submission of this form may contain, in form order. */
    public Set<String> inputKeys() {
        Set<String> keys = new LinkedHashSet<>();
        topLevelFields().forEach(field -> keys.add(field.key()));
        return keys;
    }
}
