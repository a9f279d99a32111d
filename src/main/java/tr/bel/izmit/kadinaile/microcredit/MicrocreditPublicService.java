package tr.bel.izmit.kadinaile.microcredit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PortalProcess;
import tr.bel.izmit.kadinaile.portal.PublicService;

/** İZGİM microcredit on the public portal: its start form, status milestones and withdrawal. */
@Component
class MicrocreditPublicService implements PublicService {

    private final MicrocreditCaseActions actions;
    private final PortalProcess descriptor;

    MicrocreditPublicService(MicrocreditCaseActions actions) {
        this.actions = actions;
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put(Elements.START, "Başvurunuz alındı");
        milestones.put(Elements.CHECK_ELIGIBILITY, "Ön koşullar kontrol edildi");
        milestones.put(Elements.END_INELIGIBLE, "Başvurunuz ön koşulları karşılamadı");
        milestones.put(Elements.CHECK_DOCUMENTS, "Belgeleriniz inceleniyor");
        milestones.put(Elements.NOTIFY_DOCUMENTS_MISSING, "Eksik belgeleriniz size bildirildi");
        milestones.put(Elements.DOCUMENTS_SUBMITTED, "Eksik belgeleriniz teslim alındı");
        milestones.put(Elements.END_WITHDRAWN, "Başvurunuz geri çekildi");
        milestones.put(Elements.ASSESS_BUSINESS_PLAN, "İş planınız değerlendiriliyor");
        milestones.put(Elements.COMMITTEE_DECISION, "Kredi komitesi değerlendiriyor");
        milestones.put(Elements.MANAGER_APPROVAL, "Müdür onayı bekleniyor");
        milestones.put(Elements.END_REJECTED, "Başvurunuz kabul edilmedi");
        milestones.put(Elements.DISBURSE_LOAN, "Krediniz ödemeye alındı");
        milestones.put(Elements.REPAYMENT, "Taksit geri ödemesi sürüyor");
        milestones.put(Elements.END_LOAN_REPAID, "Krediniz kapandı");
        milestones.put(Elements.END_WITHDRAWN_BY_APPLICANT, "Başvurunuzu geri çektiniz");
        this.descriptor = new PortalProcess(MicrocreditProcess.KEY, MicrocreditProcess.Forms.START, "MK",
            "İZGİM Faizsiz Mikrokredi",
            "İzmit'te yaşayan kadın girişimcilere işlerini kurmaları ya da büyütmeleri için 1.500–5.000 TL faizsiz kredi.",
            List.of("T.C. Kimlik No", "Cep telefonu", "Kendi adınıza açılmış bir banka hesabının IBAN'ı",
                "İşinizi ve krediyle ne yapacağınızı anlatan birkaç cümle"),
            milestones,
            "İZGİM memurları başvurunuzu ve belgelerinizi inceleyecek, iş planınız değerlendirilecek ve kredi komitesi "
                + "karar verecek. Her adımda size SMS ile bilgi verilir; durumunu takip kodunuzla bu sitede görebilirsiniz.");
    }

    @Override
    public PortalProcess descriptor() {
        return descriptor;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean withdrawableAt(Set<String> activeActivityIds) {
        return !activeActivityIds.isEmpty() && Elements.WITHDRAWABLE_AT.containsAll(activeActivityIds);
    }

    @Override
    public boolean withdraw(String trackingCode) {
        return actions.withdrawByApplicant(trackingCode);
    }
}
