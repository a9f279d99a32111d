package tr.bel.izmit.kadinaile.casework;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The person search over a capability's own applicant table (plain columns: name, T.C. Kimlik No, the ten-digit
 * phone): an exact match on the number or the phone, a name by a loose {@code like} in the database (the letters
 * that Turkish and the database lower-case differently, i/ı/İ/I, match any letter there) confirmed in Java in Turkish
 * lower case. Newest first.
 */
public final class PersonQueries {

    /** How many rows a query reads before the running cases are picked out of them. */
    static final int ROWS = 200;

    private PersonQueries() {
    }

    /**
     * The records of {@code entity} matching the key. {@code namePath}, {@code tcPath}, {@code phonePath} and
     * {@code orderPath} are JPQL paths of the entity (e.g. {@code applicant.fullName}); a null {@code tcPath} means the
     * entity keeps no T.C. Kimlik No. {@code name} reads the name back for the Turkish comparison.
     */
    public static <T> List<T> find(EntityManager entities, Class<T> entity, PersonKey key, String namePath, String tcPath,
            String phonePath, String orderPath, Function<T, String> name) {
        String from = "select e from " + entity.getSimpleName() + " e where ";
        String order = " order by e." + orderPath + " desc";
        return switch (key.kind()) {
            case TC_KIMLIK_NO -> tcPath == null ? List.of()
                : entities.createQuery(from + "e." + tcPath + " = :value" + order, entity).setParameter("value", key.value())
                    .setMaxResults(ROWS).getResultList();
            case PHONE -> entities.createQuery(from + "e." + phonePath + " = :value" + order, entity)
                .setParameter("value", key.value()).setMaxResults(ROWS).getResultList();
            case NAME -> entities.createQuery(from + "lower(e." + namePath + ") like :value" + order, entity)
                .setParameter("value", "%" + loose(key.value()) + "%").setMaxResults(ROWS).getResultList().stream()
                .filter(row -> key.nameMatches(name.apply(row))).toList();
        };
    }

    private static String loose(String name) {
        return name.replaceAll("[%_\\\\]", "").replaceAll("[iıİI]|i̇", "_");
    }
}
