package tr.bel.izmit.kadinaile.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicantRecordTests {

    @Test
    void shouldKeepPersonalDataOutOfItsText() {
        ApplicantRecord applicant = new ApplicantRecord("Ayşe Yılmaz", "10000000146", "5321234567", "IZMIT");

        assertThat(applicant.toString()).doesNotContain("Ayşe", "Yılmaz", "10000000146", "5321234567", "IZMIT");
        assertThat(applicant.fullName()).isEqualTo("Ayşe Yılmaz");
    }
}
