package tr.bel.izmit.kadinaile.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kocaeli's twelve districts, in Turkish alphabetical order: the one list of them. The constant names are the
 * values the forms' district selects submit (their options are checked against this list in the tests).
 */
public enum KocaeliDistrict {
    BASISKELE("Başiskele"),
    CAYIROVA("Çayırova"),
    DARICA("Darıca"),
    DERINCE("Derince"),
    DILOVASI("Dilovası"),
    GEBZE("Gebze"),
    GOLCUK("Gölcük"),
    IZMIT("İzmit"),
    KANDIRA("Kandıra"),
    KARAMURSEL("Karamürsel"),
    KARTEPE("Kartepe"),
    KORFEZ("Körfez");

    private final String displayName;

    KocaeliDistrict(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<KocaeliDistrict> byCode(String code) {
        return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
    }
}
