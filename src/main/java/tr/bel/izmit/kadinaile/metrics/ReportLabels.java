package tr.bel.izmit.kadinaile.metrics;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Turkish labels of the figures' names in the report and on the dashboard (the record components of the
 * contributed sections and the sections' names), for the generic layout of a {@link ReportSection} and for the
 * sections' own tables: {@code metrics.label.<name>} in {@code messages_tr.properties}.
 */
public final class ReportLabels {

    /** The bundle's prefix of the labels. */
    private static final String PREFIX = "metrics.label.";

    private ReportLabels() {
    }

    /** The label of a figure or section name; the name itself when it has none. */
    public static String label(String name) {
        return Texts.find(PREFIX + name).orElse(name);
    }
}
