package tr.bel.izmit.kadinaile.courses;

import java.util.regex.Pattern;

/**
 * Terms are written {@code YYYY-1} (spring, "Bahar") and {@code YYYY-2} (autumn, "Güz"); the term before
 * {@code 2026-1} is {@code 2025-2}.
 */
final class Terms {

    static final Pattern FORMAT = Pattern.compile("(20[0-9]{2})-([12])");

    private Terms() {
    }

    static boolean isValid(String term) {
        return term != null && FORMAT.matcher(term).matches();
    }

    static String previous(String term) {
        if (!isValid(term)) {
            throw new IllegalArgumentException("not a term: " + term);
        }
        int year = Integer.parseInt(term.substring(0, 4));
        return term.endsWith("-2") ? year + "-1" : (year - 1) + "-2";
    }

    static String label(String term) {
        return term.substring(0, 4) + (term.endsWith("-1") ? " Bahar" : " Güz") + " dönemi";
    }
}
