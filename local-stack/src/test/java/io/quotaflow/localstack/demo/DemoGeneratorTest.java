package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.demo.DemoActivity.Route;
import io.quotaflow.localstack.demo.DemoRep.Pace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MONTH = YearMonth.of(2026, 12);
    private static final DemoData DEMO = new DemoGenerator(DemoScenario.standard(), SHANGHAI).generate(MONTH);

    @Test
    void shouldGenerateTheSameActivityForTheSameScenarioAndMonth() {
        DemoData again = new DemoGenerator(DemoScenario.standard(), SHANGHAI).generate(MONTH);

        assertThat(again.reps()).isEqualTo(DEMO.reps());
        assertThat(again.history()).isEqualTo(DEMO.history());
        assertThat(again.current()).isEqualTo(DEMO.current());
        assertThat(again.revenueTarget()).isEqualTo(DEMO.revenueTarget());
    }

    @Test
    void shouldGenerateOtherActivityUnderAnotherSeed() {
        DemoScenario standard = DemoScenario.standard();
        DemoScenario other = new DemoScenario(standard.seed() + 1, standard.reps(), standard.historyMonths(),
                standard.newHires(), standard.callsPerDay(), standard.visitsPerDay(), standard.leadsPerDay(),
                standard.qualifyRate(), standard.winRate(), standard.conversionDrop(), standard.cancelRate(),
                standard.latePaymentRate(), standard.unpaidRate(), standard.promotionShare(), standard.bigAccounts(),
                standard.targetStretch());

        assertThat(new DemoGenerator(other, SHANGHAI).generate(MONTH).current()).isNotEqualTo(DEMO.current());
    }

    @Test
    void shouldBuildTheOrgTheDashboardsDemoLoginsNeed() {
        assertThat(DEMO.reps()).hasSize(40);
        assertThat(DEMO.reps().stream().map(DemoRep::teamId).distinct()).hasSize(5);
        assertThat(DEMO.reps().get(0).id()).isEqualTo("r-001");
        assertThat(DEMO.reps().get(0).teamId()).isEqualTo("t-east");
        assertThat(DemoScenario.TEAMS.get(0).managerId()).isEqualTo("alice");
        assertThat(DemoScenario.REGIONS).extracting(DemoScenario.Region::marketType).contains("MATURE", "EMERGING");
        assertThat(DemoScenario.PRODUCT_LINES).extracting(DemoScenario.ProductLine::grossMargin).doesNotHaveDuplicates();
        assertThat(DEMO.reps().stream().map(DemoRep::salesforceUserId).distinct()).hasSize(40);
    }

    @Test
    void shouldHireAFewRepsRecentlyAndKeepTheirActivityAfterTheirHireDay() {
        List<DemoRep> newHires = DEMO.reps().stream()
                .filter(rep -> !rep.hiredOn().isBefore(MONTH.minusMonths(1).atDay(1))).toList();

        assertThat(newHires).hasSize(4);
        Map<String, LocalDate> hired = DEMO.reps().stream().collect(Collectors.toMap(DemoRep::id, DemoRep::hiredOn));
        assertThat(all()).allMatch(a -> !a.occurredAt().atZone(SHANGHAI).toLocalDate().isBefore(hired.get(a.repId())));
    }

    @Test
    void shouldKeepHistoryBeforeTheMonthAndTheMonthWithinItInTimeOrder() {
        Instant monthStart = MONTH.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        Instant historyStart = MONTH.minusMonths(3).atDay(1).atStartOfDay(SHANGHAI).toInstant();

        assertThat(DEMO.history()).isNotEmpty().allMatch(a -> a.route() == Route.CSV
                && a.occurredAt().isBefore(monthStart) && !a.occurredAt().isBefore(historyStart));
        assertThat(DEMO.current()).isNotEmpty().allMatch(a -> a.route() != Route.CSV
                && YearMonth.from(a.occurredAt().atZone(SHANGHAI)).equals(MONTH));
        assertThat(DEMO.current()).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        assertThat(DEMO.historyMonths()).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10),
                YearMonth.of(2026, 11));
        assertThat(DEMO.historyMonths().stream().mapToInt(m -> DEMO.historyOf(m).size()).sum())
                .isEqualTo(DEMO.history().size());
    }

    @Test
    void shouldGiveEveryActivityTheFieldsItsTypeRequiresAndAUniqueId() {
        Set<String> ids = new HashSet<>();
        all().forEach(a -> {
            assertThat(a.fields()).containsKeys("source", "externalId", "type", "repId", "occurredAt");
            assertThat(ids.add(a.field("source") + "|" + a.field("externalId") + "|" + a.type())).as("unique id").isTrue();
            switch (a.type()) {
                case "DEAL_CLOSED":
                    assertThat(a.fields()).containsKeys("amount", "currency", "customerId", "dealId");
                    assertThat(Instant.parse(a.field("opportunityCreatedAt"))).isBeforeOrEqualTo(a.occurredAt());
                    assertThat(a.fields()).containsKeys("productLine", "regionId", "grossMargin");
                    assertThat(new BigDecimal(a.field("grossMargin"))).isLessThan(a.amount());
                    if (a.route() == Route.HUBSPOT) {
                        assertThat(a.fields()).as("what a HubSpot deal carries: its deal-fields, no due date")
                                .doesNotContainKey("dueDate");
                        assertThat(a.field("channel")).as("a channel HubSpot has a source for, or none")
                                .isIn(Stream.concat(HubSpotPortal.ANALYTICS_SOURCES.keySet().stream(),
                                        Stream.of((String) null)).toList());
                    } else {
                        assertThat(a.fields()).containsKey("dueDate");
                    }
                    break;
                case "PAYMENT_COLLECTED":
                    assertThat(a.fields()).containsKeys("amount", "dealId");
                    break;
                case "DEAL_CANCELLED":
                    assertThat(a.fields()).containsKeys("dealId");
                    break;
                case "OPPORTUNITY_STAGE_CHANGED":
                    assertThat(a.fields()).containsKeys("dealId", "stage");
                    assertThat(Instant.parse(a.field("opportunityCreatedAt"))).isBeforeOrEqualTo(a.occurredAt());
                    break;
                case "FOLLOW_UP_LOGGED":
                    assertThat(a.fields()).containsKeys("channel");
                    break;
                case "ENGAGEMENT_SIGNALLED":
                    assertThat(a.fields()).containsKeys("customerId", "signal");
                    break;
                default:
                    assertThat(a.fields()).containsKeys("customerId");
            }
        });
    }

    @Test
    void shouldSendEveryKindOfActivityThroughTheRouteThatCarriesIt() {
        Map<Route, Set<String>> types = DEMO.current().stream().collect(Collectors.groupingBy(DemoActivity::route,
                Collectors.mapping(DemoActivity::type, Collectors.toSet())));

        assertThat(types.get(Route.API)).containsExactlyInAnyOrder("DEAL_CLOSED", "DEAL_CANCELLED", "PAYMENT_COLLECTED");
        assertThat(types.get(Route.SALESFORCE)).containsExactlyInAnyOrder("FOLLOW_UP_LOGGED", "OPPORTUNITY_STAGE_CHANGED");
        assertThat(types.get(Route.WEBHOOK)).contains("LEAD_CREATED", "LEAD_QUALIFIED", "ENGAGEMENT_SIGNALLED");
        assertThat(types.get(Route.HUBSPOT)).containsExactlyInAnyOrder("DEAL_CLOSED", "OPPORTUNITY_STAGE_CHANGED",
                "LEAD_CREATED", "LEAD_QUALIFIED", "FOLLOW_UP_LOGGED");
        assertThat(DEMO.current().stream().filter(a -> a.route() == Route.SALESFORCE))
                .allMatch(a -> a.field("source").equals("salesforce"));
    }

    @Test
    void shouldStartTheHubSpotTeamsNewWorkInHubSpotWithHubSpotsIds() {
        Set<String> hubspotReps = DEMO.reps().stream().filter(rep -> rep.teamId().equals(DemoScenario.HUBSPOT_TEAM))
                .map(DemoRep::id).collect(Collectors.toSet());
        List<DemoActivity> viaHubSpot = DEMO.current().stream().filter(a -> a.route() == Route.HUBSPOT).toList();
        Set<String> hubspotDeals = viaHubSpot.stream().filter(a -> a.type().equals("DEAL_CLOSED"))
                .map(a -> a.field("dealId")).collect(Collectors.toSet());

        assertThat(DEMO.reps()).filteredOn(rep -> hubspotReps.contains(rep.id()))
                .allMatch(rep -> rep.hubspotOwnerId().matches("\\d+"));
        assertThat(DEMO.reps()).filteredOn(rep -> !hubspotReps.contains(rep.id()))
                .allMatch(rep -> rep.hubspotOwnerId() == null);
        assertThat(viaHubSpot).isNotEmpty().allSatisfy(a -> {
            assertThat(hubspotReps).contains(a.repId());
            assertThat(a.field("source")).isEqualTo("hubspot");
            assertThat(a.crmObjectId()).matches("\\d+");
            assertThat(a.field("externalId")).matches(a.type().equals("DEAL_CLOSED") ? "deal-" + a.crmObjectId() : "\\d+");
            assertThat(a.field("channel")).as("HubSpot has no visits").isNotEqualTo("VISIT");
        });
        assertThat(DEMO.history()).as("the team moved to HubSpot this month")
                .noneMatch(a -> "hubspot".equals(a.field("source")));
        assertThat(DEMO.current()).filteredOn(a -> a.route() == Route.SALESFORCE && hubspotReps.contains(a.repId()))
                .as("only what was started before the month goes on in Salesforce")
                .allMatch(a -> a.type().equals("OPPORTUNITY_STAGE_CHANGED"));
        assertThat(DEMO.current()).filteredOn(a -> hubspotDeals.contains(a.field("dealId")))
                .as("a HubSpot deal is won in HubSpot, not through the API")
                .noneMatch(a -> a.type().equals("DEAL_CLOSED") && a.route() != Route.HUBSPOT);
    }

    @Test
    void shouldMakeRushersSlackEarlyAndRushLate() {
        DemoRep rusher = DEMO.reps().stream().filter(rep -> rep.pace() == Pace.RUSH_LATE
                && rep.hiredOn().isBefore(MONTH.minusMonths(6).atDay(1))).findFirst().orElseThrow();
        DemoRep steady = DEMO.reps().stream().filter(rep -> rep.pace() == Pace.STEADY
                && rep.hiredOn().isBefore(MONTH.minusMonths(6).atDay(1))).findFirst().orElseThrow();

        assertThat(followUpsPerDay(rusher, 21, 31)).isGreaterThan(2.5 * followUpsPerDay(rusher, 1, 10));
        assertThat(followUpsPerDay(steady, 21, 31)).isLessThan(1.6 * followUpsPerDay(steady, 1, 10));
    }

    @Test
    void shouldDropOneRepsConversionInTheLastWeeks() {
        DemoRep dropping = DEMO.reps().stream().filter(DemoRep::conversionDrops).collect(onlyOne());
        LocalDate dropFrom = MONTH.atDay(1).minusDays(7);

        double before = wonPerQualified(dropping, day -> day.isBefore(dropFrom));
        double after = wonPerQualified(dropping, day -> !day.isBefore(dropFrom));

        assertThat(dropping.id()).isEqualTo("r-003");
        assertThat(after).isLessThan(before * 0.8);
    }

    @Test
    void shouldGiveTheBigAccountsATierOfTwelveMonthPurchases() {
        List<DemoRep> owners = DEMO.reps().stream().filter(rep -> rep.bigAccount() != null).toList();

        assertThat(owners).hasSize(3).first().extracting(DemoRep::id).isEqualTo("r-001");
        for (DemoRep owner : owners) {
            assertThat(owner.capacity()).as("a key-account manager's quota").isEqualByComparingTo("3");
            BigDecimal bought = all().filter(a -> a.type().equals("DEAL_CLOSED")
                            && owner.bigAccount().equals(a.field("customerId")))
                    .map(DemoActivity::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(bought).as(owner.bigAccount()).isGreaterThanOrEqualTo(new BigDecimal("5000000"));
        }
    }

    @Test
    void shouldCancelSomeDealsPayOthersLateAndPromoteSome() {
        Map<String, DemoActivity> deals = all().filter(a -> a.type().equals("DEAL_CLOSED"))
                .collect(Collectors.toMap(a -> a.field("dealId"), a -> a));
        List<DemoActivity> cancelled = all().filter(a -> a.type().equals("DEAL_CANCELLED")).toList();
        List<DemoActivity> late = all().filter(a -> a.type().equals("PAYMENT_COLLECTED"))
                .filter(a -> deals.get(a.field("dealId")).field("dueDate") != null)
                .filter(a -> a.occurredAt().atZone(SHANGHAI).toLocalDate()
                        .isAfter(LocalDate.parse(deals.get(a.field("dealId")).field("dueDate")).plusDays(5)))
                .toList();

        assertThat(cancelled).isNotEmpty().allMatch(a -> deals.containsKey(a.field("dealId"))
                && deals.get(a.field("dealId")).occurredAt().isBefore(a.occurredAt()));
        assertThat(late).isNotEmpty();
        assertThat(deals.values()).filteredOn(a -> "DOUBLE12".equals(a.field("promotionCode"))).isNotEmpty();
        assertThat(deals.values()).filteredOn(a -> "DOUBLE11".equals(a.field("promotionCode"))).isNotEmpty();
    }

    @Test
    void shouldSumRevenueWithoutCancelledDealsAndSetTargetsAboveWhatTheMonthBrings() {
        List<DemoActivity> everything = DEMO.sentAfter(Integer.MAX_VALUE);
        BigDecimal won = DemoData.revenue(everything, null, MONTH, SHANGHAI);
        BigDecimal byRep = DEMO.reps().stream().map(rep -> DemoData.revenue(everything, rep.id(), MONTH, SHANGHAI))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = DEMO.current().stream().filter(a -> a.type().equals("DEAL_CLOSED"))
                .map(DemoActivity::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(byRep).isEqualByComparingTo(won);
        assertThat(won).isLessThan(gross).isPositive();
        assertThat(DEMO.revenueTarget()).isGreaterThan(won)
                .isLessThan(won.multiply(new BigDecimal("1.09")).add(new BigDecimal("10000")));
        assertThat(DEMO.callsTarget()).isGreaterThan(DemoData.count(DEMO.current(), null, MONTH, SHANGHAI,
                a -> "CALL".equals(a.field("channel"))));
        assertThat(DEMO.newCustomersTarget()).isPositive();
        assertThat(DEMO.lastMonthRevenueByRegion()).containsOnlyKeys("east", "north", "west");
        assertThat(DEMO.lastMonthRevenueByRegion().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(DemoData.revenue(DEMO.history(), null, MONTH.minusMonths(1), SHANGHAI));
    }

    @Test
    void shouldCountOnlyWhatWasSentSoFar() {
        int half = DEMO.current().size() / 2;
        List<DemoActivity> sent = DEMO.sentAfter(half);

        assertThat(sent).hasSize(DEMO.history().size() + half);
        assertThat(DemoData.revenue(sent, null, MONTH, SHANGHAI))
                .isLessThan(DemoData.revenue(DEMO.sentAfter(DEMO.current().size()), null, MONTH, SHANGHAI));
    }

    @Test
    void shouldScaleDownToATinyDemoWithTheSameLogins() {
        DemoData tiny = new DemoGenerator(DemoScenario.standard().withReps(5).withHistoryMonths(1), SHANGHAI)
                .generate(MONTH);

        assertThat(tiny.reps()).extracting(DemoRep::teamId)
                .containsExactly("t-east", "t-jiangsu", "t-north", "t-west", "t-xian");
        assertThat(tiny.historyMonths()).containsExactly(YearMonth.of(2026, 11));
        assertThat(tiny.current()).isNotEmpty();
        assertThat(tiny.current().size()).isLessThan(DEMO.current().size() / 5);
    }

    private static Stream<DemoActivity> all() {
        return Stream.concat(DEMO.history().stream(), DEMO.current().stream());
    }

    private static double followUpsPerDay(DemoRep rep, int fromDay, int toDay) {
        List<YearMonth> months = List.of(MONTH.minusMonths(3), MONTH.minusMonths(2), MONTH.minusMonths(1), MONTH);
        long followUps = 0;
        long days = 0;
        for (YearMonth month : months) {
            for (int d = fromDay; d <= Math.min(toDay, month.lengthOfMonth()); d++) {
                LocalDate day = month.atDay(d);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    days++;
                }
            }
            int from = fromDay;
            int to = toDay;
            followUps += all().filter(a -> a.repId().equals(rep.id()) && a.type().equals("FOLLOW_UP_LOGGED"))
                    .map(a -> a.occurredAt().atZone(SHANGHAI).toLocalDate())
                    .filter(day -> YearMonth.from(day).equals(month) && day.getDayOfMonth() >= from
                            && day.getDayOfMonth() <= to)
                    .count();
        }
        return (double) followUps / days;
    }

    private static double wonPerQualified(DemoRep rep, Predicate<LocalDate> decidedOn) {
        long won = all().filter(a -> a.repId().equals(rep.id()) && a.type().equals("DEAL_CLOSED")
                && decidedOn.test(a.occurredAt().atZone(SHANGHAI).toLocalDate())).count();
        long lost = all().filter(a -> a.repId().equals(rep.id()) && a.type().equals("OPPORTUNITY_STAGE_CHANGED")
                && "Closed Lost".equals(a.field("stage"))
                && decidedOn.test(a.occurredAt().atZone(SHANGHAI).toLocalDate())).count();
        return (double) won / (won + lost);
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
