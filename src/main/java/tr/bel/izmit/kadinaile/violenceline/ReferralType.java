package tr.bel.izmit.kadinaile.violenceline;

/** The institutions a woman can be referred to. */
public enum ReferralType {
    POLICE,
    SONIM,
    SHELTER,
    PSYCHOLOGICAL,
    LEGAL_AID,
    SOCIAL_ASSISTANCE
}
