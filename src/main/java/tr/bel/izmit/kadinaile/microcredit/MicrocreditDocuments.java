package tr.bel.izmit.kadinaile.microcredit;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.documents.RequiredDocumentsSupport;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * The documents a microcredit application needs (texts {@code documents.microcredit-application.*}): identity,
 * residence in Kocaeli, the business plan and proof that the IBAN is hers. The officer ticks them on
 * "Belgeleri kontrol et"; the outcome field is {@code documentsDecision}.
 */
@Component
class MicrocreditDocuments extends RequiredDocumentsSupport {

    MicrocreditDocuments() {
        super(MicrocreditProcess.KEY, "MK", List.of("identity", "residence", "businessPlan", "ibanProof"),
            new Checklist(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE, Decisions.INCOMPLETE));
    }
}
