package tr.bel.izmit.kadinaile.courses;

import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.portal.StatusTiming;

/**
 * İZMEK's portal pages, plain HTML without JavaScript: {@code /basvuru/kurslar}, the courses open for application
 * (filterable by district and text), each with a "Bu kursa başvur" link that opens the application form with the
 * course filled in, full ones with "yedek listeye yazıl" (an application to a full course joins its waiting line), and
 * {@code /basvuru/sertifika}, the check of a certificate number.
 */
@Controller
class CourseListPage {

    static final int PAGE_SIZE = 25;
    static final Map<String, String> DISTRICTS = new LinkedHashMap<>();

    static {
        DISTRICTS.put("BASISKELE", "Başiskele");
        DISTRICTS.put("CAYIROVA", "Çayırova");
        DISTRICTS.put("DARICA", "Darıca");
        DISTRICTS.put("DERINCE", "Derince");
        DISTRICTS.put("DILOVASI", "Dilovası");
        DISTRICTS.put("GEBZE", "Gebze");
        DISTRICTS.put("GOLCUK", "Gölcük");
        DISTRICTS.put("IZMIT", "İzmit");
        DISTRICTS.put("KANDIRA", "Kandıra");
        DISTRICTS.put("KARAMURSEL", "Karamürsel");
        DISTRICTS.put("KARTEPE", "Kartepe");
        DISTRICTS.put("KORFEZ", "Körfez");
    }

    private final CourseCatalog catalog;
    private final CourseCertificates certificates;
    private final StatusTiming timing;

    CourseListPage(CourseCatalog catalog, CourseCertificates certificates, StatusTiming timing) {
        this.catalog = catalog;
        this.certificates = certificates;
        this.timing = timing;
    }

    /** Certificate verification for anyone (an employer, the holder): initials, course and date only. */
    @GetMapping("/basvuru/sertifika")
    String certificate(@RequestParam(required = false) String numara, Model model, HttpServletResponse response) {
        model.addAttribute("number", numara == null ? "" : numara.strip());
        if (numara != null && !numara.isBlank()) {
            Optional<CourseCertificates.Verification> found = timing.atLeast(() -> certificates.verify(numara));
            found.ifPresent(verification -> {
                model.addAttribute("certificate", verification);
                model.addAttribute("issuedOn", TurkishFormats.DATE.format(verification.issuedOn()));
            });
            if (found.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("notFound", true);
            }
        }
        return "courses/certificate";
    }

    record Row(String code, String title, String centre, String district, String dates, String schedule, int freeSeats,
            int minimumAge, boolean interviewRequired) {

        public boolean full() {
            return freeSeats <= 0;
        }
    }

    @GetMapping("/basvuru/kurslar")
    String courses(@RequestParam(required = false) String district, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String wanted = district != null && DISTRICTS.containsKey(district) ? district : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        Page<Course> found = catalog.openForApplication(null, wanted, text, page, PAGE_SIZE);
        List<Row> rows = found.getContent().stream().map(CourseListPage::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("districts", DISTRICTS);
        model.addAttribute("district", wanted);
        model.addAttribute("q", text);
        model.addAttribute("page", found.getNumber());
        model.addAttribute("pages", found.getTotalPages());
        model.addAttribute("total", found.getTotalElements());
        model.addAttribute("processKey", CourseProcess.KEY);
        return "courses/list";
    }

    private static Row row(Course course) {
        String days = course.days().stream().sorted()
            .map(day -> day.getDisplayName(TextStyle.FULL, TurkishFormats.TURKISH))
            .collect(Collectors.joining(", "));
        return new Row(course.getCode(), course.getTitle(), course.getCentre().getName(),
            DISTRICTS.getOrDefault(course.getCentre().getDistrict(), course.getCentre().getDistrict()),
            TurkishFormats.DATE.format(course.getStartsOn()) + " – " + TurkishFormats.DATE.format(course.getEndsOn()),
            days + " " + course.getStartsAt() + "–" + course.getEndsAt(), Math.max(0, course.freeSeats()), course.getMinimumAge(),
            course.isInterviewRequired());
    }

}
