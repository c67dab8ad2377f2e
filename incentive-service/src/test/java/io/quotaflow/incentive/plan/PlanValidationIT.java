package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad plan gets a problem naming the field, and nothing is stored; a good one is versioned. */
class PlanValidationIT extends IncentiveScenario {

    static final String VALID_RULE = "{\"ruleId\":\"base\",\"type\":\"THRESHOLD\",\"metric\":\"REVENUE\",\"level\":0.8,\"amount\":\"2000.00\"}";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "missing name              | {'effectiveFrom':'2031-01-01','rules':[@R]}                                          | name",
            "missing effectiveFrom     | {'name':'p','rules':[@R]}                                                            | effectiveFrom",
            "ends before it starts     | {'name':'p','effectiveFrom':'2031-01-10','effectiveTo':'2031-01-01','rules':[@R]}  | effectiveTo",
            "unknown currency          | {'name':'p','effectiveFrom':'2031-01-01','currency':'XYZ','rules':[@R]}             | currency",
            "no rules                  | {'name':'p','effectiveFrom':'2031-01-01','rules':[]}                               | rules",
            "unknown role              | {'name':'p','effectiveFrom':'2031-01-01','eligibility':{'roles':['CEO']},'rules':[@R]} | eligibility.roles[0]",
            "minimum activity metric   | {'name':'p','effectiveFrom':'2031-01-01','eligibility':{'minimumActivity':{'metric':'REVENUE','count':3}},'rules':[@R]} | eligibility.minimumActivity.metric",
            "duplicate rule id         | {'name':'p','effectiveFrom':'2031-01-01','rules':[@R,@R]}                            | rules[1].ruleId",
            "unknown rule type         | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'LOTTERY'}]} | rules[0].type",
            "unknown metric            | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'HAPPINESS','level':0.8,'amount':'1.00'}]} | rules[0].metric",
            "negative amount           | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'REVENUE','level':0.8,'amount':'-2000.00'}]} | rules[0].amount",
            "fraction of a cent        | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'REVENUE','level':0.8,'amount':'20.001'}]} | rules[0].amount",
            "amount not a number       | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'REVENUE','level':0.8,'amount':'lots'}]} | rules[0].amount",
            "unordered tiers           | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'REVENUE','tiers':[{'level':1.0,'amount':'3.00'},{'level':0.8,'amount':'2.00'}]}]} | rules[0].tiers[1].level",
            "negative rate             | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','bands':[{'from':0,'rate':-0.03}]}]} | rules[0].bands[0].rate",
            "overlapping bands         | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','bands':[{'from':0,'to':1.0,'rate':0.03},{'from':0.9,'rate':0.05}]}]} | rules[0].bands[1].from",
            "band ending at its start  | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','bands':[{'from':1.0,'to':0.5,'rate':0.03}]}]} | rules[0].bands[0].to",
            "open band not last        | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','bands':[{'from':0,'rate':0.03},{'from':1.0,'rate':0.05}]}]} | rules[0].bands[0].to",
            "cap below floor           | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','cap':'100.00','floor':'500.00','bands':[{'from':0,'rate':0.03}]}]} | rules[0].cap",
            "commission on calls       | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'CALLS','bands':[{'from':0,'rate':0.03}]}]} | rules[0].metric",
            "unknown payOn             | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'c','type':'TIERED_COMMISSION','metric':'REVENUE','payOn':'LATER','bands':[{'from':0,'rate':0.03}]}]} | rules[0].payOn",
            "unknown unit              | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'s','type':'PER_UNIT','unit':'HUG','amount':'5.00'}]} | rules[0].unit",
            "window backwards          | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'s','type':'PER_UNIT','unit':'DEAL','amount':'5.00','window':{'from':'2031-01-20','to':'2031-01-10'}}]} | rules[0].window.to",
            "rank without amounts      | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'r','type':'RANK','metric':'REVENUE','amounts':[]}]} | rules[0].amounts",
            "unknown tie rule          | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'r','type':'RANK','metric':'REVENUE','amounts':['5.00'],'tieRule':'COIN_TOSS'}]} | rules[0].tieRule",
            "team bonus pool and each  | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'t','type':'TEAM_BONUS','metric':'REVENUE','level':1.0,'amountPerMember':'1.00','pool':'9.00'}]} | rules[0].amountPerMember",
            "field of another type     | {'name':'p','effectiveFrom':'2031-01-01','rules':[{'ruleId':'x','type':'THRESHOLD','metric':'REVENUE','level':0.8,'amount':'1.00','cap':'5.00'}]} | rules[0].cap",
    })
    void shouldNameTheBadFieldAndStoreNothing(String caseName, String body, String field) {
        String json = body.replace("@R", VALID_RULE).replace('\'', '"');

        http.put().uri("/api/incentives/plans/{id}", "bad-plan").headers(h -> h.setBearerAuth(tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);

        api.get("/api/incentives/plans/{id}", tokens.admin(), "bad-plan").expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseAPlanOverlappingAnotherForTheSamePayees() {
        YearMonth march = YearMonth.of(2030, 3);
        api.putPlan("overlap-first", PlanDrafts.plan(march, PlanDrafts.threshold("base", "REVENUE", "0.8", "1.00")),
                tokens.admin()).expectStatus().isCreated();

        api.putPlan("overlap-second", PlanDrafts.withDates(PlanDrafts.plan(march,
                        PlanDrafts.threshold("base", "REVENUE", "0.8", "1.00")), march.atDay(31), null), tokens.admin())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("effectiveFrom");
        api.get("/api/incentives/plans/{id}", tokens.admin(), "overlap-second").expectStatus().isNotFound();
    }

    @Test
    void shouldStoreEachChangeAsANewVersionAndNothingForTheSamePlanAgain() {
        YearMonth april = YearMonth.of(2030, 4);
        PlanView v1 = put("versions", PlanDrafts.plan(april, PlanDrafts.threshold("base", "REVENUE", "0.8", "1000.00")), 201);
        PlanView same = put("versions", PlanDrafts.plan(april, PlanDrafts.threshold("base", "REVENUE", "0.80", "1000")), 200);
        PlanView v2 = put("versions", PlanDrafts.plan(april, PlanDrafts.threshold("base", "REVENUE", "0.8", "1500.00")), 200);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(same.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(api.get("/api/incentives/plans/{id}/versions/1", tokens.rep("r-001"), "versions").expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody().rules().get(0).amount())
                .isEqualByComparingTo("1000.00");
        assertThat(api.get("/api/incentives/plans/{id}", tokens.manager("alice", "t-east"), "versions").expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody().version()).isEqualTo(2);
    }

    @Test
    void shouldLetOnlyAnAdminSaveAPlan() {
        YearMonth may = YearMonth.of(2030, 5);

        api.putPlan("not-yours", PlanDrafts.plan(may, PlanDrafts.threshold("base", "REVENUE", "0.8", "1.00")),
                tokens.manager("alice", "t-east")).expectStatus().isForbidden();
        api.putPlan("not-yours", PlanDrafts.plan(may, PlanDrafts.threshold("base", "REVENUE", "0.8", "1.00")),
                tokens.rep("r-001")).expectStatus().isForbidden();
        api.get("/api/incentives/plans", tokens.integration()).expectStatus().isForbidden();
        api.get("/api/incentives/plans/{id}", tokens.admin(), "not-yours").expectStatus().isNotFound();
    }

    private PlanView put(String planId, Object plan, int status) {
        return api.putPlan(planId, plan, tokens.admin()).expectStatus().isEqualTo(status)
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }
}
