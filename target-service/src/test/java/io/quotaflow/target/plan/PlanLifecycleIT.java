package io.quotaflow.target.plan;

import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.Topics;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.events.target.WeeklyTarget;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.NodeView;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan from draft to approval and revision, on the real broker and MongoDB wire protocol. */
class PlanLifecycleIT extends PlanScenario {

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;


    @Test
    void shouldPublishEveryTargetAssignedOnceWithBreakdownsSummingToThePlan() {
        PlanView draft = api.create(PlanDrafts.revenue("3000000.00"), admin);
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.publication()).isEqualTo("NOT_ASSIGNED");

        try (EventTap<TargetEvent> tap = EventTap.tail(brokers, Topics.TARGETS)) {
            PlanView approved = api.approve(draft.planId(), admin);

            assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
            assertThat(approved.publication()).isEqualTo("PUBLISHED");
            int nodes = approved.nodes().size();
            tap.awaitUntil(all -> ofPlan(all, draft.planId()).size() >= nodes, Duration.ofSeconds(30));
            List<EventTap.Received<TargetEvent>> received = ofPlan(tap.drain(Duration.ofSeconds(3)), draft.planId());

            assertThat(received).hasSize(nodes);
            assertThat(received).extracting(r -> r.envelope().eventId()).doesNotHaveDuplicates();
            Map<String, TargetAssigned> byNode = received.stream()
                    .peek(r -> assertThat(r.headers()).containsEntry(EventHeaders.EVENT_TYPE, "TargetAssigned"))
                    .peek(r -> assertThat(r.key()).isEqualTo(r.payload().entity().key()))
                    .map(r -> (TargetAssigned) r.payload())
                    .collect(Collectors.toMap(event -> event.entity().key(), Function.identity()));
            assertThat(byNode.get("COMPANY:company").monthly()).isEqualByComparingTo("3000000.00");
            assertThat(byNode.get("COMPANY:company").base()).isEqualByComparingTo("2400000.00");
            assertThat(byNode.get("COMPANY:company").challenge()).isEqualByComparingTo("3600000.00");
            byNode.values().forEach(event -> {
                assertThat(sumWeeks(event.weekly())).as(event.entity().key()).isEqualByComparingTo(event.monthly());
                assertThat(sumDays(event.daily())).as(event.entity().key()).isEqualByComparingTo(event.monthly());
                assertThat(event.planVersion()).isEqualTo(1);
                assertThat(event.currency()).isEqualTo("CNY");
            });
            assertChildrenSumToParents(byNode.values());
            assertThat(byNode.get("REP:r-e1a").teamId()).isEqualTo(SalesOrgFixture.EAST_1);
            assertThat(byNode.get("REP:r-e1a").regionId()).isEqualTo("east");
        }
    }

    @Test
    void shouldSplitAFourWeekMonthIntoEqualWeeks() {
        PlanView plan = api.create(PlanDrafts.revenue("3000000.00"), admin);

        NodeView company = node(plan, EntityType.COMPANY, "company");
        assertThat(company.weekly()).hasSize(4)
                .allSatisfy(week -> assertThat(week.amount()).isEqualByComparingTo("750000.00"));
        assertThat(company.daily()).hasSize(20)
                .allSatisfy(day -> assertThat(day.amount()).isEqualByComparingTo("150000.00"));
        assertThat(company.weekly().get(0).week()).isEqualTo("2027-W05");
    }

    @Test
    void shouldSpreadTheMonthOverChinasOfficialWorkingDaysByDefault() {
        PlanView plan = api.create(PlanDrafts.inPeriod(PlanDrafts.revenue("1800000.00"), YearMonth.of(2026, 10)), admin);

        NodeView company = node(plan, EntityType.COMPANY, "company");
        assertThat(company.daily()).as("18 working days: National Day off, Saturday the 10th worked").hasSize(18)
                .allSatisfy(day -> assertThat(day.amount()).isEqualByComparingTo("100000.00"));
        assertThat(company.daily()).extracting(io.quotaflow.target.decomposition.DailyAmount::date)
                .doesNotContain(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))
                .contains(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 10));
    }

    @Test
    void shouldGiveEmergingMarketsMoreGrowthAndRampNewReps() {
        PlanView plan = api.create(PlanDrafts.revenue("1000000.00"), admin);

        NodeView seasoned = node(plan, EntityType.REP, "r-w1a");
        NodeView newcomer = node(plan, EntityType.REP, "r-w1b");
        assertThat(newcomer.monthly()).isLessThan(seasoned.monthly());
        assertThat(node(plan, EntityType.PRODUCT_LINE, "pl-saas").monthly())
                .isGreaterThan(node(plan, EntityType.PRODUCT_LINE, "pl-hw").monthly());
    }

    @Test
    void shouldReviseOnlyTheRemainingDaysAndPublishTheChangedNodes() {
        PlanView approved = api.approve(api.create(PlanDrafts.revenue("2000000.00"), admin).planId(), admin);
        NodeView before = node(approved, EntityType.REP, "r-e1a");
        LocalDate from = LocalDate.of(2027, 2, 15);
        // A tenth less: relative to the rep's share, which shrinks as other tests add reps to the shared org.
        BigDecimal reduced = before.monthly().multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.DOWN);

        try (EventTap<TargetEvent> tap = EventTap.tail(brokers, Topics.TARGETS)) {
            PlanView revised = api.revise(approved.planId(), new Revision("r-e1a is on leave for a week", from, null,
                    null, List.of(new Revision.Change(EntityType.REP, "r-e1a", reduced))), admin);

            assertThat(revised.version()).isEqualTo(2);
            assertThat(revised.status()).isEqualTo(PlanStatus.REVISED);
            NodeView after = node(revised, EntityType.REP, "r-e1a");
            assertThat(after.monthly()).isEqualByComparingTo(reduced);
            assertThat(after.daily().stream().filter(day -> day.date().isBefore(from)).toList())
                    .isEqualTo(before.daily().stream().filter(day -> day.date().isBefore(from)).toList());
            assertThat(node(revised, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly())
                    .isEqualByComparingTo(node(approved, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly());

            List<EventTap.Received<TargetEvent>> events = tap.awaitUntil(
                    all -> ofPlan(all, approved.planId()).size() >= 3, Duration.ofSeconds(30));
            Set<String> revisedNodes = ofPlan(tap.drain(Duration.ofSeconds(2)), approved.planId()).stream()
                    .map(r -> (TargetRevised) r.payload())
                    .peek(event -> assertThat(event.effectiveFrom()).isEqualTo(from))
                    .peek(event -> assertThat(event.previousVersion()).isEqualTo(1))
                    .map(event -> event.entity().key())
                    .collect(Collectors.toSet());
            assertThat(revisedNodes).containsExactlyInAnyOrder("REP:r-e1a", "REP:r-e1b", "REP:r-e1c");
            assertThat(events).isNotEmpty();
        }
    }

    @Test
    void shouldAnswerTargetTooHighWithBaseAndChallengeLevels() {
        PlanView approved = api.approve(api.create(PlanDrafts.revenue("2000000.00"), admin).planId(), admin);

        PlanView revised = api.revise(approved.planId(), new Revision("reps find the target too high", null, null,
                new PlanDraft.LevelsInput(new BigDecimal("0.75"), new BigDecimal("1.25")), List.of()), admin);

        NodeView company = node(revised, EntityType.COMPANY, "company");
        assertThat(company.monthly()).isEqualByComparingTo("2000000.00");
        assertThat(company.base()).isEqualByComparingTo("1500000.00");
        assertThat(company.challenge()).isEqualByComparingTo("2500000.00");
        assertThat(revised.levels().base()).isEqualTo(0.75);
        assertThat(revised.versions()).extracting(Plan.VersionEntry::kind)
                .containsExactly(Plan.VersionKind.CREATED, Plan.VersionKind.APPROVED, Plan.VersionKind.REVISED);
    }

    @Test
    void shouldListAssignedTargetsForARepOnceApproved() {
        PlanView approved = api.approve(api.create(PlanDrafts.calls("4000"), admin).planId(), admin);

        List<PlanViews.AssignedTarget> mine = http.get()
                .uri("/api/targets?period=2027-02&entityType=REP&entityId=r-e2a")
                .headers(h -> h.setBearerAuth(tokens.rep("r-e2a")))
                .exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<List<PlanViews.AssignedTarget>>() {
                }).returnResult().getResponseBody();

        assertThat(mine).filteredOn(target -> target.planId().equals(approved.planId())).singleElement()
                .satisfies(target -> {
                    assertThat(target.monthly().scale()).isZero();
                    assertThat(target.currency()).isNull();
                    assertThat(target.monthly()).isEqualByComparingTo(node(approved, EntityType.REP, "r-e2a").monthly());
                });
    }

    private static List<EventTap.Received<TargetEvent>> ofPlan(List<EventTap.Received<TargetEvent>> all, String planId) {
        return all.stream().filter(r -> r.payload().planId().equals(planId)).toList();
    }

    static NodeView node(PlanView plan, EntityType type, String id) {
        return plan.nodes().stream().filter(n -> n.entityType() == type && n.entityId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + id + " not in plan"));
    }

    private static BigDecimal sumWeeks(List<WeeklyTarget> weeks) {
        return weeks.stream().map(WeeklyTarget::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumDays(List<DailyTarget> days) {
        return days.stream().map(DailyTarget::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Regions, product lines, teams and reps each add up to their parent, to the cent. */
    private static void assertChildrenSumToParents(java.util.Collection<TargetAssigned> events) {
        Map<String, List<TargetAssigned>> byParent = events.stream().filter(event -> event.parent() != null)
                .collect(Collectors.groupingBy(event -> event.parent().key() + "/" + event.entity().type()));
        Map<String, TargetAssigned> byKey = events.stream()
                .collect(Collectors.toMap(event -> event.entity().key(), Function.identity()));
        byParent.forEach((parentAndKind, children) -> {
            TargetAssigned parent = byKey.get(parentAndKind.substring(0, parentAndKind.lastIndexOf('/')));
            BigDecimal sum = children.stream().map(TargetAssigned::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(parentAndKind).isEqualByComparingTo(parent.monthly());
        });
    }
}
