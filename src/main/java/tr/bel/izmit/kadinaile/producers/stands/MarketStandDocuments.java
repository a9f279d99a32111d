package tr.bel.izmit.kadinaile.producers.stands;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.documents.RequiredDocumentsSupport;

/**
 * What a producer shows at her stand (texts {@code documents.market-stand-request.*}): nothing to upload, the
 * documents are checked on the day by the market coordinator.
 */
@Component
class MarketStandDocuments extends RequiredDocumentsSupport {

    MarketStandDocuments() {
        super(MarketStandProcess.KEY, MarketStandProcess.TRACKING_PREFIX, List.of("identity", "foodRegistration"), null);
    }

    @Override
    public boolean uploadable() {
        return false;
    }
}
