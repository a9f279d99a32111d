package tr.bel.izmit.kadinaile.courses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.TrackingCodes;

/**
 * Certificates of completed courses. Numbers look like {@code SR-7F3K-9Q2X}: 40 random bits from the tracking
 * codes' generator, so they cannot be guessed or enumerated. Public verification shows the holder's initials,
 * the course and the date only.
 */
@Service
@Transactional
public class CourseCertificates {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private final CertificateRepository certificates;
    private final CourseApplicationRepository applications;
    private final CourseRepository courses;
    private final Clock clock;

    CourseCertificates(CertificateRepository certificates, CourseApplicationRepository applications, CourseRepository courses,
            Clock clock) {
        this.certificates = certificates;
        this.applications = applications;
        this.courses = courses;
        this.clock = clock;
    }

    /** What anyone may learn from a certificate number. */
    public record Verification(String number, String holderInitials, String courseTitle, LocalDate issuedOn) {
    }

    /** Issues the application's certificate once; a retried job gets the same certificate back. */
    public Certificate issue(Long applicationId) {
        Optional<Certificate> existing = certificates.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        String number;
        do {
            number = TrackingCodes.generate(CourseProcess.CERTIFICATE_PREFIX);
        } while (certificates.existsByNumber(number));
        Instant now = Instant.now(clock);
        Certificate certificate = certificates.save(new Certificate(number, applicationId, application.getCourseId(),
            initials(application.getFullName()), LocalDate.now(clock), now));
        application.finish(EnrollmentStatus.COMPLETED, now);
        return certificate;
    }

    @Transactional(readOnly = true)
    public Optional<Verification> verify(String number) {
        String normalized = number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
        if (!TrackingCodes.isWellFormed(normalized) || !normalized.startsWith(CourseProcess.CERTIFICATE_PREFIX + "-")) {
            return Optional.empty();
        }
        return certificates.findByNumber(normalized).map(certificate -> new Verification(certificate.getNumber(),
            certificate.getHolderInitials(), courses.findById(certificate.getCourseId()).orElseThrow().getTitle(),
            certificate.getIssuedOn()));
    }

    /** "Ayşe Nur Yılmaz" → "A. N. Y." */
    static String initials(String fullName) {
        return Arrays.stream(fullName.trim().split("\\s+"))
            .filter(part -> !part.isEmpty())
            .map(part -> part.substring(0, part.offsetByCodePoints(0, 1)).toUpperCase(TURKISH) + ".")
            .collect(Collectors.joining(" "));
    }
}
