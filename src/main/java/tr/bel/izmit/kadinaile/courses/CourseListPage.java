package tr.bel.izmit.kadinaile.courses;

import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tr.bel.izmit.kadinaile.common.TurkishFormats;

/**
 * The portal page {@code /basvuru/kurslar}: the courses open for application with free seats, with their codes
 * for the application form, filterable by district and text; plain HTML, no JavaScript needed.
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

    CourseListPage(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    record Row(String code, String title, String centre, String district, String dates, String schedule, int freeSeats,
            int minimumAge, boolean interviewRequired) {
    }

    @GetMapping("/basvuru/kurslar")
    String courses(@RequestParam(required = false) String district, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String wanted = district != null && DISTRICTS.containsKey(district) ? district : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        Page<Course> found = catalog.openWithFreeSeats(null, wanted, text, page, PAGE_SIZE);
        List<Row> rows = found.getContent().stream().map(CourseListPage::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("districts", DISTRICTS);
        model.addAttribute("district", wanted);
        model.addAttribute("q", text);
        model.addAttribute("page", found.getNumber());
        model.addAttribute("pages", found.getTotalPages());
        model.addAttribute("total", found.getTotalElements());
        return "courses/list";
    }

    private static Row row(Course course) {
        String days = course.days().stream().sorted()
            .map(day -> day.getDisplayName(TextStyle.FULL, TurkishFormats.TURKISH))
            .collect(Collectors.joining(", "));
        return new Row(course.getCode(), course.getTitle(), course.getCentre().getName(),
            DISTRICTS.getOrDefault(course.getCentre().getDistrict(), course.getCentre().getDistrict()),
            TurkishFormats.DATE.format(course.getStartsOn()) + " – " + TurkishFormats.DATE.format(course.getEndsOn()),
            days + " " + course.getStartsAt() + "–" + course.getEndsAt(), course.freeSeats(), course.getMinimumAge(),
            course.isInterviewRequired());
    }

}
