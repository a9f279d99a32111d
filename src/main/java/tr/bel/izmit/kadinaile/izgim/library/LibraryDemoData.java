package tr.bel.izmit.kadinaile.izgim.library;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo only: a dozen children registered at the library desk, their visits and the anonymous visitors of the last
 * four weeks, so that the report and the dashboard show the library. Created once, when no child exists yet. Names
 * and numbers are invented.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class LibraryDemoData {

    private static final String[] CHILDREN = {"Defne", "Ela", "Ömer", "Zeynep", "Yusuf", "Asel", "Mira", "Kerem", "Nehir",
        "Alp", "Duru", "Eymen"};
    private static final String DEMO_USER = "demo";

    private final JdbcTemplate jdbc;
    private final ChildrensLibrary library;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LibraryDemoData(JdbcTemplate jdbc, ChildrensLibrary library, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(41)
    void createDemoData() {
        if (jdbc.queryForObject("select count(*) from izl_child", Integer.class) > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            LocalDate today = LocalDate.now(clock);
            for (int i = 0; i < CHILDREN.length; i++) {
                ChildrensLibrary.Child child = library.register(new ChildrensLibrary.Registration(CHILDREN[i],
                    today.getYear() - 5 - i % 8, "Veli " + CHILDREN[i], String.format("555%07d", 3000 + i), true), DEMO_USER);
                for (int week = 0; week < 4; week += 1 + i % 2) {
                    library.recordVisit(child.cardNumber(), today.minusWeeks(week).minusDays(i % 5), DEMO_USER);
                }
            }
            for (int day = 1; day <= 28; day++) {
                library.recordAnonymousVisitors(today.minusDays(day), 3 + day % 7, DEMO_USER);
            }
        });
    }
}
