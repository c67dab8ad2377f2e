package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.OrgMother.eastAndWest;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import io.quotaflow.target.decomposition.Allocation.ProductLineMethod;
import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("invalidRequests")
    void shouldRejectAnInvalidRequestNamingTheField(RequestBuilder request, String field) {
        assertRejectedOn(field, () -> Decomposer.decompose(request.build()));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                rejected("no period", "period", aRequest().period(null)),
                rejected("no total", "total", aRequest().total((BigDecimal) null)),
                rejected("a total of zero", "total", aRequest().total("0.00")),
                rejected("a negative total", "total", aRequest().total("-5.00")),
                rejected("a total in tenths of a cent", "total", aRequest().total("100.001")),
                rejected("a total in cents for a count", "total", aRequest().total("12.50").scale(0)),
                rejected("a scale of 5", "scale", aRequest().scale(5)),
                rejected("a negative scale", "scale", aRequest().scale(-1)),
                rejected("no org", "org", aRequest().org((OrgSnapshot) null)),
                rejected("a rep listed twice", "org.reps[anna].id",
                        withOrg(eastAndWest().rep("anna", "west-1", "50"))),
                rejected("a team without id", "org.teams[2].id",
                        withOrg(eastAndWest().team(null, "east"))),
                rejected("a team in an unknown region", "org.teams[north-1].regionId",
                        withOrg(eastAndWest().team("north-1", "north"))),
                rejected("a rep in an unknown team", "org.reps[gus].teamId",
                        withOrg(eastAndWest().rep("gus", "east-9", "100"))),
                rejected("a priority of 0", "org.productLines[misc].strategicPriority",
                        withOrg(eastAndWest().productLine("misc", "0.1", 0))),
                rejected("a priority of 6", "org.productLines[misc].strategicPriority",
                        withOrg(eastAndWest().productLine("misc", "0.1", 6))),
                rejected("a negative gross margin", "org.productLines[misc].grossMargin",
                        withOrg(eastAndWest().productLine("misc", "-0.1", 3))),
                rejected("a growth rate of -100 %", "org.regions[north].growthRate",
                        withOrg(eastAndWest().region("north", MarketType.MATURE, "-1"))),
                rejected("a region without market type", "org.regions[north].marketType",
                        withOrg(eastAndWest().region("north", null, "0.1"))),
                rejected("a rep without hire date", "org.reps[gus].hiredOn",
                        withOrg(eastAndWest().rep("gus", "east-1", null, "100"))),
                rejected("a negative capacity", "org.reps[gus].capacity",
                        withOrg(eastAndWest().rep("gus", "east-1", "-1"))),
                rejected("a negative prior actual", "history.regions[east]",
                        aRequest().history(new History(null, Map.of("east", decimal("-1")), null, null))),
                rejected("product lines by history without any", "history.productLines",
                        aRequest().allocation(Allocation.DEFAULT.withProductLines(ProductLineMethod.HISTORY))),
                rejected("regions by history with actuals for other regions only", "history.regions",
                        aRequest().allocation(Allocation.DEFAULT.withRegions(RegionMethod.HISTORY))
                                .history(new History(null, Map.of("south", decimal("100")), null, null))));
    }

    @Test
    void shouldAcceptARequestThatLeavesOutWhatHasDefaults() {
        // given
        DecompositionRequest request = DecompositionRequest.of(
                RequestBuilder.FEBRUARY_2027, decimal("3000000.00"), 2, OrgMother.eastAndWestWithSixReps());

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(request.levels()).isEqualTo(Levels.DEFAULT);
        assertThat(request.allocation()).isEqualTo(Allocation.DEFAULT);
        assertThat(request.calendar()).isEqualTo(WorkCalendar.STANDARD);
        assertThat(request.ramp()).isEqualTo(RampPolicy.DEFAULT);
        assertThat(decomposition.company().monthly()).isEqualTo(decimal("3000000.00"));
    }

    @Test
    void shouldAcceptATotalWrittenWithFewerDecimalsThanTheScale() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().total("3000000").scale(2).build());

        // then
        assertThat(decomposition.company().monthly()).isEqualTo(decimal("3000000.00"));
    }

    private static Arguments rejected(String description, String field, RequestBuilder request) {
        Named<RequestBuilder> namedRequest = named(description, request);
        return Arguments.of(namedRequest, field);
    }

    private static RequestBuilder withOrg(OrgBuilder org) {
        return aRequest().org(org);
    }
}
