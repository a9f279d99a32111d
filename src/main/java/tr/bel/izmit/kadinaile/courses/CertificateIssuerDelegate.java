package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;

/** "Sertifika düzenle" (asynchronous): one certificate per application, even when the job is retried. */
@Component("courseCertificateIssuer")
class CertificateIssuerDelegate implements JavaDelegate {

    private final CourseCertificates certificates;

    CertificateIssuerDelegate(CourseCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Certificate certificate = certificates.issue(Typed.APPLICATION_ID.from(execution).get());
        Typed.CERTIFICATE_NUMBER.on(execution).set(certificate.getNumber());
    }
}
