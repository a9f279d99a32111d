package tr.bel.izmit.kadinaile.benchmark;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import tr.bel.izmit.kadinaile.common.KocaeliDistrict;
import tr.bel.izmit.kadinaile.producers.ProducerCaseActions;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;
import tr.bel.izmit.kadinaile.producers.ProducerOrders;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

/**
 * İzmit Çarşısı in the simulated year: producer applications on the portal (363 from İzmit, 162 from the other
 * districts at full scale), the coordinators' review (approve, ask for more information — answered, or the 14-day
 * timer withdraws the application — or reject), the food-safety check of food producers, the solidarity meeting
 * (some miss their first one), the shop opened on the marketplace by the job; then the verified producers' stand
 * requests on the portal (confirmed, declined, or cancelled by the producer) and the orders the marketplace reports.
 * Stand requests never ask for more places than a location has on a day, so every request is given a place and the
 * tally of distinct producers per location follows from the simulation's own decisions.
 */
final class ProducerYear implements SimulatedYear.Part {

    private static final String REGISTRATION_NO = "TR-41-K-012345";
    /** Festival days of the simulated year (the directorate sets them each year; the migration has 2026-27's). */
    private static final Map<String, List<String>> FESTIVAL_DAYS = Map.of(
        "FESTIVAL_28_HAZIRAN", List.of("-06-28"),
        "FESTIVAL_30_AGUSTOS", List.of("-08-30"),
        "FESTIVAL_KADIN_EL_EMEGI", List.of("-10-10", "-10-11", "-10-12"),
        "FESTIVAL_IYILIK_SENLIGI", List.of("-05-17", "-05-18", "-12-20", "-12-21"));
    /** How often producers ask for each location (after the 2021 report's stands per location). */
    private static final Map<String, Integer> LOCATION_WEIGHTS = Map.ofEntries(Map.entry("SANAT_SOKAGI", 181),
        Map.entry("ANITPARK", 161), Map.entry("DOLPHIN", 156), Map.entry("KULTUR_TEPESI", 104),
        Map.entry("CUMHURIYET_PARKI", 5), Map.entry("BELSA_ONU", 341), Map.entry("BURDA_AVM", 61),
        Map.entry("FESTIVAL_28_HAZIRAN", 30), Map.entry("FESTIVAL_30_AGUSTOS", 34), Map.entry("FESTIVAL_KADIN_EL_EMEGI", 81),
        Map.entry("FESTIVAL_IYILIK_SENLIGI", 57));

    private enum Review { APPROVE, MORE_INFO_ANSWERED, MORE_INFO_TIMED_OUT, REJECT }

    /** One producer application and what the producer and the staff will do. */
    private static final class Case {
        final int index;
        final KocaeliDistrict district;
        final boolean cooperative;
        final boolean food;
        final String salesChannel;
        final Review review;
        final boolean foodFails;
        final boolean missesFirstMeeting;
        final LocalDate submitsOn;
        volatile String code;
        volatile boolean reviewed;
        volatile boolean foodChecked;
        volatile boolean absentOnce;

        Case(int index, KocaeliDistrict district, Random random, LocalDate submitsOn) {
            this.index = index;
            this.district = district;
            this.cooperative = random.nextInt(100) < 15;
            this.food = random.nextInt(100) < 30;
            int channel = random.nextInt(100);
            // about 151 shops from 525 applications, as in the 2021 report
            this.salesChannel = channel < 15 ? "ONLINE_SHOP" : channel < 35 ? "BOTH" : "STANDS";
            int r = random.nextInt(100);
            this.review = r < 75 ? Review.APPROVE : r < 84 ? Review.MORE_INFO_ANSWERED : r < 90 ? Review.MORE_INFO_TIMED_OUT
                : Review.REJECT;
            this.foodFails = food && review != Review.REJECT && random.nextInt(100) < 5;
            this.missesFirstMeeting = random.nextInt(100) < 10;
            this.submitsOn = submitsOn;
        }

        boolean shop() {
            return !"STANDS".equals(salesChannel);
        }

        boolean stands() {
            return !"ONLINE_SHOP".equals(salesChannel);
        }

        String phone() {
            return People.phone(3, index);
        }
    }

    private record Location(String code, String name, String kind, int capacity) {
    }

    private final SimulatedYear year;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, Case> byTrackingCode = new ConcurrentHashMap<>();
    private final Map<String, Case> byInstance = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<String, List<LocalDate>> festivalDays = new HashMap<>();
    /** Requests per location and day, and the days each producer asked for (a producer has one place a day). */
    private final Map<String, Integer> requestsPerDay = new HashMap<>();
    private final Set<String> producerDays = new HashSet<>();
    private final Map<String, Set<Integer>> standProducersByLocation = new ConcurrentHashMap<>();
    private final Map<String, Long> applicationsByDistrict = new ConcurrentHashMap<>();
    private double standRequestsPerDay;
    private double ordersPerDay;

    ProducerYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of(ProducerOnboardingProcess.KEY, MarketStandProcess.KEY);
    }

    @Override
    public void plan() {
        year.jdbc.query("select code, name, kind, capacity from st_location order by display_order", rs -> {
            locations.put(rs.getString("code"), new Location(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getInt("capacity")));
        });
        FESTIVAL_DAYS.forEach((code, days) -> days.forEach(day -> {
            LocalDate date = LocalDate.parse(year.year + day);
            festivalDays.computeIfAbsent(code, k -> new ArrayList<>()).add(date);
            year.jdbc.update("insert into st_event_day (location_code, event_date) values (?, ?)", code, java.sql.Date.valueOf(date));
        }));

        int total = year.volumes.producerApplications();
        int fromIzmit = year.volumes.producersFromIzmit();
        List<KocaeliDistrict> others = new ArrayList<>(List.of(KocaeliDistrict.values()));
        others.remove(KocaeliDistrict.IZMIT);
        Random days = year.random("producer-days", 0);
        double shopDays = 0;
        double standDays = 0;
        for (int i = 0; i < total; i++) {
            KocaeliDistrict district = i < fromIzmit ? KocaeliDistrict.IZMIT : others.get((i - fromIzmit) % others.size());
            LocalDate day = year.firstDay().plusDays(1 + days.nextInt(335));
            Case c = new Case(i, district, year.random("producer", i), day);
            cases.add(c);
            year.at(day, SimulatedYear.Tick.values()[i % 3], "pr-" + i, "producer application", () -> submit(c));
            if (c.review != Review.REJECT && c.review != Review.MORE_INFO_TIMED_OUT && !c.foodFails) {
                // verified about two weeks after the application
                double left = Math.max(0, ChronoUnit.DAYS.between(day.plusDays(14), year.lastDay()));
                shopDays += c.shop() ? left : 0;
                standDays += c.stands() ? left : 0;
            }
        }
        ordersPerDay = shopDays == 0 ? 0 : year.volumes.orders() / shopDays;
        standRequestsPerDay = standDays == 0 ? 0 : year.volumes.standRequests() / standDays;
    }

    private void submit(Case c) {
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.APPLICANT_TYPE, c.cooperative ? "COOPERATIVE" : "PERSON");
        form.put(Vars.CONTACT_NAME, "Üretici " + c.index);
        if (c.cooperative) {
            form.put(Vars.COOPERATIVE_NAME, "Kadın Kooperatifi " + c.index);
            form.put(Vars.TAX_NUMBER, People.vergiKimlikNo(3, c.index));
        } else {
            form.put(Vars.TC_KIMLIK_NO, People.tcKimlikNo(3, c.index));
        }
        form.put(Vars.PHONE, c.phone());
        form.put(Vars.DISTRICT, c.district.name());
        form.put(Vars.NEIGHBOURHOOD, "Merkez");
        form.put(Vars.PRODUCTION_PLACE, "Evimin mutfağı ve bir atölye odası.");
        form.put(Vars.PRODUCT_CATEGORIES, c.food ? List.of("FOOD", "HANDICRAFT") : List.of("TEXTILE", "HANDICRAFT"));
        if (c.food) {
            form.put(Vars.FOOD_REGISTRATION_NO, REGISTRATION_NO);
        }
        form.put(Vars.SALES_CHANNEL, c.salesChannel);
        form.put(Vars.KVKK_CONSENT, true);
        String code = year.portal.submit(ProducerOnboardingProcess.KEY, form, null).trackingCode();
        c.code = code;
        byTrackingCode.put(code, c);
        add("applications");
        applicationsByDistrict.merge(c.district.displayName(), 1L, Long::sum);
    }

    private Case caseOf(String processInstanceId) {
        return byInstance.computeIfAbsent(processInstanceId, pid -> {
            ProcessInstance instance = year.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            String key = instance == null ? null : instance.getBusinessKey();
            Case c = key == null ? null : byTrackingCode.get(key);
            return c == null ? NO_CASE : c;
        });
    }

    private static final Case NO_CASE = new Case(-1, KocaeliDistrict.IZMIT, new Random(0), LocalDate.MIN);

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        if (MarketStandProcess.KEY.equals(processKey)) {
            return standWork(task);
        }
        Case c = caseOf(task.getProcessInstanceId());
        if (c == NO_CASE) {
            year.problem("a producer application the simulation did not submit");
            return null;
        }
        if (!year.createdBefore(task, year.today(), year.tick())) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case Elements.REVIEW -> {
                if (c.foodFails && !c.foodChecked) {
                    return null; // the food-safety officer's refusal ends the application first
                }
                String decision = switch (c.review) {
                    case APPROVE -> "APPROVE";
                    case REJECT -> "REJECT";
                    case MORE_INFO_ANSWERED, MORE_INFO_TIMED_OUT -> c.reviewed ? "APPROVE" : "MORE_INFO";
                };
                values.put(Vars.REVIEW_DECISION, decision);
                if ("MORE_INFO".equals(decision)) {
                    values.put(Vars.INFO_REQUEST, "Ürün fotoğrafları ve fiyat listesi gönderilmeli.");
                } else if ("REJECT".equals(decision)) {
                    values.put(Vars.REJECTION_REASON, "Ürünler el emeği değil, hazır alınıp satılıyor.");
                }
                return new SimulatedYear.Work(SimulatedYear.Staff.MARKET, values, () -> {
                    c.reviewed = true;
                    if ("MORE_INFO".equals(decision) && c.review == Review.MORE_INFO_ANSWERED) {
                        year.at(year.today().plusDays(5), SimulatedYear.Tick.MORNING, "pr-" + c.index, "producer information",
                            () -> year.as(SimulatedYear.Staff.MARKET, () -> year.context.getBean(ProducerCaseActions.class)
                                .infoProvided(c.code)));
                    } else if ("MORE_INFO".equals(decision)) {
                        add("withdrawn by the 14-day timer");
                    } else if ("REJECT".equals(decision)) {
                        add("rejected");
                    }
                });
            }
            case Elements.FOOD_SAFETY -> {
                if (c.review == Review.REJECT && !c.reviewed) {
                    return null; // the coordinators' refusal ends the application first
                }
                values.put(Vars.FOOD_SAFETY_DECISION, c.foodFails ? "FAIL" : "PASS");
                if (c.foodFails) {
                    values.put(Vars.FOOD_SAFETY_NOTE, "Gıda işletme kayıt belgesi geçersiz.");
                }
                return new SimulatedYear.Work(SimulatedYear.Staff.FOOD_SAFETY, values, () -> {
                    c.foodChecked = true;
                    if (c.foodFails) {
                        add("food safety failed");
                    }
                });
            }
            case Elements.RECORD_ORIENTATION -> {
                LocalDate meeting = year.createdOn(task).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
                if (year.today().isBefore(meeting) || year.tick().compareTo(SimulatedYear.Tick.AFTERNOON) < 0) {
                    return null;
                }
                boolean absent = c.missesFirstMeeting && !c.absentOnce;
                values.put(Vars.ORIENTATION_ATTENDANCE, absent ? "ABSENT" : "ATTENDED");
                return new SimulatedYear.Work(SimulatedYear.Staff.MARKET, values, () -> {
                    if (absent) {
                        c.absentOnce = true;
                        add("missed the first meeting");
                    } else {
                        verified(c);
                    }
                });
            }
            default -> {
                year.problem("producer task not expected: " + task.getTaskDefinitionKey());
                return null;
            }
        }
    }

    /** Verified: her shop opens (the job runs at this tick), she asks for stands, and the marketplace reports orders. */
    private void verified(Case c) {
        add("verified");
        LocalDate today = year.today();
        long daysLeft = ChronoUnit.DAYS.between(today, year.lastDay());
        Random random = year.random("producer-after", c.index);
        if (c.shop()) {
            add("shopsOpened");
            long orders = Math.round(ordersPerDay * daysLeft * (0.5 + random.nextDouble()));
            for (int k = 0; k < orders; k++) {
                LocalDate day = today.plusDays(1 + random.nextInt((int) Math.max(1, daysLeft)));
                String orderId = "SIM-" + c.index + "-" + k;
                BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(450));
                year.at(day, SimulatedYear.Tick.AFTERNOON, "pr-" + c.index, "order", () -> {
                    boolean recorded = year.as(SimulatedYear.Staff.MARKET, () -> year.context.getBean(ProducerOrders.class)
                        .record(new ProducerOrders.Order(orderId, c.code, amount, ClockUtil.getCurrentTime().toInstant()),
                            SimulatedYear.Staff.MARKET.userId));
                    if (recorded) {
                        add("orders");
                    }
                });
            }
        }
        if (c.stands()) {
            long requests = Math.round(standRequestsPerDay * daysLeft * (0.5 + random.nextDouble()));
            for (int k = 0; k < requests; k++) {
                planStandRequest(c, random, today, daysLeft);
            }
        }
    }

    /** A stand request on a day and at a location with a free place, at most one a day for a producer. */
    private void planStandRequest(Case c, Random random, LocalDate verifiedOn, long daysLeft) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String location = weighted(random);
            LocalDate requestOn = verifiedOn.plusDays(1 + random.nextInt((int) Math.max(1, daysLeft)));
            LocalDate standDate;
            List<LocalDate> festival = festivalDays.get(location);
            if (festival != null) {
                standDate = festival.get(random.nextInt(festival.size()));
                if (standDate.isBefore(verifiedOn.plusDays(8))) {
                    continue;
                }
                requestOn = standDate.minusDays(5 + random.nextInt(20));
                if (!requestOn.isAfter(verifiedOn)) {
                    requestOn = verifiedOn.plusDays(1);
                }
            } else {
                standDate = requestOn.plusDays(5 + random.nextInt(20));
            }
            if (standDate.isAfter(year.lastDay()) || requestOn.isAfter(standDate.minusDays(4))) {
                continue;
            }
            String slot = location + "|" + standDate;
            synchronized (requestsPerDay) {
                if (requestsPerDay.getOrDefault(slot, 0) >= locations.get(location).capacity()
                        || !producerDays.add(c.index + "|" + standDate)) {
                    continue;
                }
                requestsPerDay.merge(slot, 1, Integer::sum);
            }
            int outcome = random.nextInt(100);
            boolean cancels = outcome < 5;
            boolean declined = outcome >= 5 && outcome < 9;
            LocalDate date = standDate;
            LocalDate on = requestOn;
            year.at(requestOn, SimulatedYear.Tick.MORNING, "st-" + slot, "stand request",
                () -> submitStandRequest(c, location, date, on, cancels, declined, slot));
            return;
        }
    }

    private record StandCase(Case producer, String location, LocalDate standDate, boolean declined) {
    }

    private final Map<String, StandCase> standsByTrackingCode = new ConcurrentHashMap<>();
    private final Map<String, StandCase> standsByInstance = new ConcurrentHashMap<>();

    private void submitStandRequest(Case c, String location, LocalDate standDate, LocalDate requestOn, boolean cancels,
            boolean declined, String slot) {
        Map<String, Object> form = new HashMap<>();
        form.put(MarketStandProcess.Vars.PRODUCER_CODE, c.code);
        form.put(MarketStandProcess.Vars.VERIFICATION_CODE, c.phone().substring(c.phone().length() - 4));
        form.put(MarketStandProcess.Vars.LOCATION, location);
        form.put(MarketStandProcess.Vars.STAND_DATE, standDate.toString());
        String code = year.portal.submit(MarketStandProcess.KEY, form, null).trackingCode();
        standsByTrackingCode.put(code, new StandCase(c, location, standDate, declined));
        add("stand requests");
        if (cancels) {
            year.at(requestOn.plusDays(1), SimulatedYear.Tick.AFTERNOON, "st-" + slot, "stand cancellation", () -> {
                year.portal.withdraw(code);
                add("stand requests cancelled by the producer");
            });
        }
    }

    private SimulatedYear.Work standWork(Task task) {
        StandCase stand = standsByInstance.computeIfAbsent(task.getProcessInstanceId(), pid -> {
            ProcessInstance instance = year.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            StandCase found = instance == null ? null : standsByTrackingCode.get(instance.getBusinessKey());
            if (found == null) {
                throw new IllegalStateException("a stand request the simulation did not submit");
            }
            return found;
        });
        if (!MarketStandProcess.Elements.CONFIRM.equals(task.getTaskDefinitionKey())) {
            year.problem("stand task not expected: " + task.getTaskDefinitionKey());
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        values.put(MarketStandProcess.Vars.CONFIRMATION, stand.declined() ? "DECLINE" : "CONFIRM");
        if (stand.declined()) {
            values.put(MarketStandProcess.Vars.DECLINE_REASON, "Ürünler bu etkinliğin konusuna uygun değil.");
        }
        return new SimulatedYear.Work(SimulatedYear.Staff.MARKET, values, () -> {
            if (stand.declined()) {
                add("stand requests declined");
            } else {
                add("stand days confirmed");
                standProducersByLocation.computeIfAbsent(stand.location(), k -> ConcurrentHashMap.newKeySet())
                    .add(stand.producer().index);
            }
        }, "st-" + stand.location() + "|" + stand.standDate());
    }

    private String weighted(Random random) {
        int total = LOCATION_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (String code : locations.keySet()) {
            Integer weight = LOCATION_WEIGHTS.get(code);
            if (weight == null) {
                continue;
            }
            if (pick < weight) {
                return code;
            }
            pick -= weight;
        }
        throw new IllegalStateException();
    }

    private void add(String figure) {
        counts.computeIfAbsent(figure, k -> new AtomicLong()).incrementAndGet();
    }

    private long count(String figure) {
        AtomicLong n = counts.get(figure);
        return n == null ? 0 : n.get();
    }

    @Override
    public void expect(Map<String, String> figures) {
        long applications = count("applications");
        long fromIzmit = applicationsByDistrict.getOrDefault(KocaeliDistrict.IZMIT.displayName(), 0L);
        figures.put("producers.applications", ReportFigures.number(applications));
        figures.put("producers.applicationsFromIzmit", ReportFigures.number(fromIzmit));
        figures.put("producers.applicationsFromOtherDistricts", ReportFigures.number(applications - fromIzmit));
        figures.put("producers.shopsOpened", ReportFigures.number(count("shopsOpened")));
        figures.put("producers.orders", ReportFigures.number(count("orders")));
        for (KocaeliDistrict district : KocaeliDistrict.values()) {
            figures.put("producers.applicationsByDistrict." + district.displayName(),
                ReportFigures.number(applicationsByDistrict.getOrDefault(district.displayName(), 0L)));
        }
        locations.values().forEach(location -> figures.put("producers.standsByLocation." + location.name(),
            ReportFigures.number(standProducersByLocation.getOrDefault(location.code(), Set.of()).size())));
    }

    @Override
    public Map<String, Long> tally() {
        Map<String, Long> tally = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tally.put(e.getKey(), e.getValue().get()));
        return tally;
    }
}
