package tr.bel.izmit.kadinaile.producers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Typed;

/**
 * Service task "Mağazayı aç" (asyncBefore, retried R3/PT5M): opens the producer's shop on the marketplace. A
 * producer whose shop id is already stored is not sent again; the client itself is idempotent per producer.
 */
@Component("openShop")
class OpenShopDelegate implements JavaDelegate {

    private final Producers producers;
    private final MarketplaceClient marketplace;

    OpenShopDelegate(Producers producers, MarketplaceClient marketplace) {
        this.producers = producers;
        this.marketplace = marketplace;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Producer producer = producers.get(Typed.PRODUCER_ID.from(execution).get());
        String shopId = producer.getShopId();
        if (shopId == null) {
            shopId = marketplace.openShop(new MarketplaceClient.ShopRequest(producer.getTrackingCode(), producer.displayName(),
                producer.getDistrict(), producer.getProductCategories())).shopId();
            producers.recordShop(producer.getId(), shopId);
        }
        Typed.SHOP_ID.on(execution).set(shopId);
    }
}
