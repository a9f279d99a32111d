package tr.bel.izmit.kadinaile.izgim.calendar;

/** The centre's counselling services; each is given by the professionals of one group. */
public enum CounsellingService {
    ADULT_PSYCHOLOGY,
    CHILD_PSYCHOLOGY,
    FAMILY_PSYCHOLOGY,
    DIETITIAN
}
