package tr.bel.izmit.kadinaile.identity;

import java.util.Arrays;
import java.util.Optional;

/** The directorate's staff groups (Camunda group ids) with their Turkish names. */
public enum StaffGroup {
    IZGIM_OFFICERS("izgim-officers", "İZGİM Memurları"),
    ENTREPRENEURSHIP_MENTORS("entrepreneurship-mentors", "Girişimcilik Mentorları"),
    MICROCREDIT_COMMITTEE("microcredit-committee", "Mikrokredi Komitesi"),
    FINANCE_OFFICERS("finance-officers", "Mali Hizmetler Memurları"),
    MANAGERS("managers", "Yöneticiler"),
    VIOLENCE_LINE_OPERATORS("violence-line-operators", "Şiddet Hattı Operatörleri"),
    VIOLENCE_LINE_SOCIAL_WORKERS("violence-line-social-workers", "Şiddet Hattı Sosyal Çalışmacıları"),
    VIOLENCE_LINE_SUPERVISORS("violence-line-supervisors", "Şiddet Hattı Süpervizörleri"),
    COURSE_COORDINATORS("course-coordinators", "Kurs Koordinatörleri"),
    INSTRUCTORS("instructors", "Usta Öğreticiler"),
    MARKET_COORDINATORS("market-coordinators", "Pazar Koordinatörleri"),
    FOOD_SAFETY_OFFICERS("food-safety-officers", "Gıda Güvenliği Sorumluları"),
    CAMUNDA_ADMIN("camunda-admin", "Sistem Yöneticileri");

    private final String id;
    private final String displayName;

    StaffGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Groups that work on tasks (everyone but the technical administrators). */
    public boolean isWorkflowGroup() {
        return this != CAMUNDA_ADMIN;
    }

    public static Optional<StaffGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
