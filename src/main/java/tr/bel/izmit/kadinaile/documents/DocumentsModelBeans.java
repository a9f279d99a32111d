package tr.bel.izmit.kadinaile.documents;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/** The bean the models reach by name: the officer's document checklist ({@code ${documentChecklist}} on a task). */
@Component
class DocumentsModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("documentChecklist");
    }
}
