package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/** "Sertifika düzenle" (asynchronous): one certificate per application, even when the job is retried. */
@Component("courseCertificateIssuer")
class CertificateIssuerDelegate implements JavaDelegate {

    private final CourseCertificates certificates;

    CertificateIssuerDelegate(CourseCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Certificate certificate = certificates.issue((Long) execution.getVariable(Vars.APPLICATION_ID));
        execution.setVariable(Vars.CERTIFICATE_NUMBER, certificate.getNumber());
    }
}
