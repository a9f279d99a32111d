package tr.bel.izmit.kadinaile.documents;

import java.util.List;
import java.util.Optional;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * What the capabilities' {@link RequiredDocuments} share: the texts come from the message bundle under
 * {@code documents.<process key>.} ({@code <document key>}, {@code <document key>.hint}, {@code where},
 * {@code deadline}). A capability names its process, tracking prefix, its document keys in order and, if its officer
 * ticks them on a form, the checklist.
 */
public abstract class RequiredDocumentsSupport implements RequiredDocuments {

    private final String processKey;
    private final String trackingPrefix;
    private final List<RequiredDocument> documents;
    private final String where;
    private final String deadline;
    private final Checklist checklist;

    protected RequiredDocumentsSupport(String processKey, String trackingPrefix, List<String> documentKeys, Checklist checklist) {
        String texts = "documents." + processKey + ".";
        this.processKey = processKey;
        this.trackingPrefix = trackingPrefix;
        this.documents = documentKeys.stream()
            .map(key -> new RequiredDocument(key, Texts.get(texts + key), Texts.find(texts + key + ".hint").orElse("")))
            .toList();
        this.where = Texts.get(texts + "where");
        this.deadline = Texts.get(texts + "deadline");
        this.checklist = checklist;
    }

    @Override
    public final String processKey() {
        return processKey;
    }

    @Override
    public final String trackingPrefix() {
        return trackingPrefix;
    }

    @Override
    public final List<RequiredDocument> documents() {
        return documents;
    }

    @Override
    public final String where() {
        return where;
    }

    @Override
    public final String deadline() {
        return deadline;
    }

    @Override
    public final Optional<Checklist> checklist() {
        return Optional.ofNullable(checklist);
    }
}
