package tr.bel.izmit.kadinaile.documents;

/**
 * One document a service needs.
 *
 * @param key its id, in camelCase (e.g. {@code identity}, {@code ibanProof}): the upload's document key and the stem of
 *     the checklist's field names
 * @param label what the applicant and the officer read (e.g. "Nüfus cüzdanı ya da kimlik kartı")
 * @param hint one sentence on what counts, or empty
 */
public record RequiredDocument(String key, String label, String hint) {

    public RequiredDocument {
        if (!key.matches("[a-z][A-Za-z0-9]{0,30}")) {
            throw new IllegalArgumentException("a document key is camelCase: " + key);
        }
    }

    /** The checklist field of this document on the officer's form: {@code documentCheck<Key>}. */
    public String checkField() {
        return "documentCheck" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** The field with the reason a document is missing: {@code documentCheck<Key>Reason}. */
    public String reasonField() {
        return checkField() + "Reason";
    }
}
