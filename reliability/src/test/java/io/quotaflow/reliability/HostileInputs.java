package io.quotaflow.reliability;

import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A catalogue of hostile requests to every service through the gateway — oversize bodies, deep nesting, wrong types,
 * unicode tricks, formula cells, path traversal in ids, replayed and forged webhooks. Every one must be answered
 * 4xx {@code application/problem+json}, never 5xx, never with a stack trace, and must store nothing: the hostile
 * slice's reps show no figure and no award, the org and the plans are as before.
 */
final class HostileInputs {

    record Result(int cases, Map<Integer, Integer> statuses, int serverErrors, int stackTraces, List<String> failures) {
    }

    private record Case(String name, Supplier<Api.Answer> call) {
    }

    private static final List<String> STACK_TRACE_MARKERS =
            List.of("Exception", "\tat ", "at io.quotaflow", "at org.springframework", "at java.", "Caused by");

    private final Api api;
    private final Slice slice;
    private final EmbeddedSystem system;
    private final List<Case> cases = new ArrayList<>();

    HostileInputs(Api api, Slice slice, EmbeddedSystem system) {
        this.api = api;
        this.slice = slice;
        this.system = system;
    }

    Result run() {
        String admin = api.admin();
        String orgBefore = api.get("/api/org/reps", admin).body();
        String plansBefore = api.get("/api/incentives/plans", admin).body();
        activities();
        webhooks();
        org();
        targets();
        kpis();
        incentives();

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int stackTraces = 0;
        for (Case hostile : cases) {
            Api.Answer answer = hostile.call().get();
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() == 0) {
                serverErrors++;
            }
            boolean trace = STACK_TRACE_MARKERS.stream().anyMatch(answer.body()::contains);
            if (trace) {
                stackTraces++;
            }
            if ((answer.status() < 400 || answer.status() >= 500 || !answer.isProblem() || trace)
                    && !wholeBatchRefused(answer)) {
                failures.add(hostile.name() + " → " + answer.status() + " " + answer.header("Content-Type") + " "
                        + abbreviate(answer.body()));
            }
        }
        // Nothing stored.
        failures.addAll(changes("rep", orgBefore, api.get("/api/org/reps", admin).body()));
        failures.addAll(changes("plan", plansBefore, api.get("/api/incentives/plans", admin).body()));
        return new Result(cases.size(), statuses, serverErrors, stackTraces, failures);
    }

    // ---- activity-service: canonical API

    private void activities() {
        String rep = slice.reps().get(0);
        String token = slice.feederToken();
        Map<String, Consumer<ObjectNode>> mutations = new LinkedHashMap<>();
        mutations.put("amount as an object", a -> a.putObject("amount").put("$gt", 0));
        mutations.put("amount as an array", a -> a.putArray("amount").add(1));
        mutations.put("amount as a boolean", a -> a.put("amount", true));
        mutations.put("amount as words", a -> a.put("amount", "one hundred"));
        mutations.put("negative amount", a -> a.put("amount", "-100.00"));
        mutations.put("zero amount", a -> a.put("amount", "0"));
        mutations.put("amount with 3 decimals", a -> a.put("amount", "1.234"));
        mutations.put("amount 1e309", a -> a.put("amount", "1e309"));
        mutations.put("amount NaN", a -> a.put("amount", "NaN"));
        mutations.put("amount Infinity", a -> a.put("amount", "Infinity"));
        mutations.put("amount above the maximum", a -> a.put("amount", "99999999999999999999.00"));
        mutations.put("currency lower-case garbage", a -> a.put("currency", "c$y"));
        mutations.put("currency unknown", a -> a.put("currency", "ZZZ"));
        mutations.put("type unknown", a -> a.put("type", "DROP_TABLE"));
        mutations.put("type as a number", a -> a.put("type", 7));
        mutations.put("type missing", a -> a.remove("type"));
        mutations.put("repId missing", a -> a.remove("repId"));
        mutations.put("repId as an object", a -> a.putObject("repId").put("$ne", ""));
        mutations.put("repId path traversal", a -> a.put("repId", "../../etc/passwd"));
        mutations.put("repId encoded traversal", a -> a.put("repId", "..%2F..%2Fetc%2Fpasswd"));
        mutations.put("repId with a NUL", a -> a.put("repId", rep + "\u0000"));
        mutations.put("repId with a zero-width space", a -> a.put("repId", rep + "\u200B"));
        mutations.put("repId with an RTL override", a -> a.put("repId", "\u202E" + rep));
        mutations.put("repId unknown", a -> a.put("repId", "rl-nobody"));
        mutations.put("externalId with a NUL", a -> a.put("externalId", "x\u0000y"));
        mutations.put("externalId with an RTL override", a -> a.put("externalId", "inv\u202Egpj.exe"));
        mutations.put("externalId with a zero-width joiner", a -> a.put("externalId", "x\u200Dy"));
        mutations.put("externalId with a BOM", a -> a.put("externalId", "\uFEFFx"));
        mutations.put("externalId of 10,000 characters", a -> a.put("externalId", "x".repeat(10_000)));
        mutations.put("externalId empty", a -> a.put("externalId", ""));
        mutations.put("customerId with an RTL override", a -> a.put("customerId", "c\u202E1"));
        mutations.put("customerId with a zero-width space", a -> a.put("customerId", "c\u200B1"));
        mutations.put("customerId with a bell", a -> a.put("customerId", "c\u00071"));
        mutations.put("customerId formula =HYPERLINK", a -> a.put("customerId", "=HYPERLINK(\"http://x\",\"y\")"));
        mutations.put("customerId formula +cmd", a -> a.put("customerId", "+cmd|' /C calc'!A0"));
        mutations.put("customerId formula @SUM", a -> a.put("customerId", "@SUM(1+1)*cmd|' /C calc'!A0"));
        mutations.put("customerId formula -2+3", a -> a.put("customerId", "-2+3+cmd|' /C calc'!A0"));
        mutations.put("source formula", a -> a.put("source", "=cmd"));
        mutations.put("source path traversal", a -> a.put("source", "../crm"));
        mutations.put("occurredAt not a date", a -> a.put("occurredAt", "yesterday"));
        mutations.put("occurredAt as a number", a -> a.put("occurredAt", 1_700_000_000));
        mutations.put("occurredAt in the year 3000", a -> a.put("occurredAt", "3000-01-01T00:00:00Z"));
        mutations.put("occurredAt in 1900", a -> a.put("occurredAt", "1900-01-01T00:00:00Z"));
        mutations.put("occurredAt without a zone", a -> a.put("occurredAt", "2026-12-01T10:00:00"));
        mutations.put("dealId with a tab", a -> a.put("dealId", "d\t1"));
        mutations.put("dealId as an array", a -> a.putArray("dealId").add("d1").add("d2"));
        mutations.put("grossMargin as text", a -> a.put("grossMargin", "lots"));
        mutations.put("opportunityCreatedAt after occurredAt", a -> a.put("opportunityCreatedAt", "2999-01-01T00:00:00Z"));
        for (Map.Entry<String, Consumer<ObjectNode>> mutation : mutations.entrySet()) {
            ObjectNode activity = validDeal(rep);
            mutation.getValue().accept(activity);
            String body = activity.toString();
            add("activity: " + mutation.getKey(), () -> api.post("/api/activities", token, body));
        }
        ObjectNode good = validDeal(rep);
        add("activity: deep nesting (5,000 levels)", () -> api.post("/api/activities", token,
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        add("activity: deep nesting inside a field", () -> api.post("/api/activities", token,
                good.toString().replaceFirst("\\{", "{\"x\":" + "{\"y\":".repeat(3000) + "1" + "}".repeat(3000) + ",")));
        add("activity: not JSON", () -> api.post("/api/activities", token, "this is not json"));
        add("activity: truncated JSON", () -> api.post("/api/activities", token, good.toString().substring(0, 40)));
        add("activity: trailing garbage", () -> api.post("/api/activities", token, good + "}}}"));
        add("activity: empty body", () -> api.post("/api/activities", token, ""));
        add("activity: JSON null", () -> api.post("/api/activities", token, "null"));
        add("activity: JSON array", () -> api.post("/api/activities", token, "[" + good + "]"));
        add("activity: XML", () -> api.send(api.request("/api/activities").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))));
        add("activity: invalid UTF-8 (0xFF)", () -> api.send(api.request("/api/activities")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xFF, '"', ':', '1', '}'}))));
        add("activity: overlong UTF-8 (0xC0 0xAF, a slash) in externalId", () -> api.send(api.request("/api/activities")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(withOverlongSlash(good.toString(), "\"externalId\":\"")))));
        String oversize = "{\"activities\":[" + (good + ",").repeat(12_000) + good + "]}";
        add("batch: a 3 MB body", () -> api.post("/api/activities/batch", token, oversize));
        String tooMany = "{\"activities\":[" + (good + ",").repeat(1000) + good + "]}";
        add("batch: 1,001 activities", () -> api.post("/api/activities/batch", token, tooMany));
        add("batch: activities not a list", () -> api.post("/api/activities/batch", token, "{\"activities\":\"all\"}"));
        add("batch: activities missing", () -> api.post("/api/activities/batch", token, "{}"));
        add("batch: a list of numbers", () -> api.post("/api/activities/batch", token, "{\"activities\":[1,2,3]}"));
        add("timeline: repId path traversal", () -> api.get("/api/activities?repId=..%2F..%2Fetc%2Fpasswd", admin()));
        add("timeline: size -1", () -> api.get("/api/activities?repId=" + rep + "&size=-1", admin()));
        add("timeline: size 1e9", () -> api.get("/api/activities?repId=" + rep + "&size=1000000000", admin()));
        add("timeline: from not a date", () -> api.get("/api/activities?repId=" + rep + "&from=%00", admin()));
        add("import job: path traversal", () -> api.get("/api/activities/imports/..%2F..%2Fetc%2Fpasswd", token));
        add("rates: currency traversal", () -> api.put("/api/activities/rates/..%2Fx", admin(),
                "{\"entries\":[{\"effectiveFrom\":\"2027-01-01\",\"rate\":\"1\"}]}"));
        add("rates: rate as words", () -> api.put("/api/activities/rates/USD", admin(),
                "{\"entries\":[{\"effectiveFrom\":\"2027-01-01\",\"rate\":\"seven\"}]}"));
        add("owner mapping: unknown rep", () -> api.put("/api/crm/owners/salesforce/x", admin(),
                "{\"repId\":\"../../root\"}"));
        add("owner mapping: source traversal", () -> api.put("/api/crm/owners/..%2F..%2Fx/x", admin(),
                "{\"repId\":\"" + rep + "\"}"));
    }

    // ---- activity-service: webhooks

    private void webhooks() {
        String body = validDeal(slice.reps().get(0)).toString();
        add("webhook: no signature", () -> api.send(api.request("/api/crm/webhook")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
        add("webhook: replayed 10 minutes later", () -> api.send(Deliveries.signed(api.request("/api/crm/webhook"),
                body, Instant.now().minusSeconds(600))));
        add("webhook: replayed from the future", () -> api.send(Deliveries.signed(api.request("/api/crm/webhook"),
                body, Instant.now().plusSeconds(600))));
        add("webhook: signature of another body", () -> api.send(api.request("/api/crm/webhook")
                .header("Content-Type", "application/json")
                .header("X-Quotaflow-Signature", "t=" + Instant.now().getEpochSecond() + ",v1="
                        + Deliveries.hmac(Instant.now().getEpochSecond() + ".{}"))
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        add("webhook: garbled signature header", () -> api.send(api.request("/api/crm/webhook")
                .header("Content-Type", "application/json").header("X-Quotaflow-Signature", "t=abc,v1=zz")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        add("webhook: signed, but the body is not JSON", () -> api.send(Deliveries.signed(
                api.request("/api/crm/webhook"), "not json", Instant.now())));
        add("webhook: signed, deep nesting", () -> api.send(Deliveries.signed(api.request("/api/crm/webhook"),
                "[".repeat(5000) + "]".repeat(5000), Instant.now())));
        add("webhook: signed, wrong types", () -> api.send(Deliveries.signed(api.request("/api/crm/webhook"),
                "{\"activities\":{\"amount\":[]}}", Instant.now())));
        add("hubspot: no signature", () -> api.send(api.request("/api/crm/hubspot")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]"))));
        add("salesforce: another organisation", () -> api.send(api.request("/api/crm/salesforce")
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(soap("00DOTHERORG0001")))));
        add("salesforce: XML external entity", () -> api.send(api.request("/api/crm/salesforce")
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                + soap(EmbeddedSystem.SALESFORCE_ORG).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
                                .replace("Reliability", "&e;")))));
        add("salesforce: billion laughs", () -> api.send(api.request("/api/crm/salesforce")
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(
                        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
                                + "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"))));
        add("salesforce: not XML", () -> api.send(api.request("/api/crm/salesforce")
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("{\"json\":true}"))));
    }

    private static String soap(String organisation) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                   <OrganizationId>%s</OrganizationId>
                   <Notification><Id>04l000000000001</Id>
                    <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                     <sf:Id>006000000000001</sf:Id><sf:Name>Reliability</sf:Name><sf:Amount>-5</sf:Amount>
                     <sf:IsWon>true</sf:IsWon><sf:OwnerId>nobody</sf:OwnerId>
                    </sObject>
                   </Notification>
                  </notifications>
                 </soapenv:Body>
                </soapenv:Envelope>""".formatted(organisation);
    }

    // ---- target-service: org and targets

    private void org() {
        String admin = admin();
        add("org: rep id path traversal", () -> api.put("/api/org/reps/..%2F..%2Fetc%2Fpasswd", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep id with an RTL override", () -> api.put("/api/org/reps/r%E2%80%AEx", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep id with a zero-width space", () -> api.put("/api/org/reps/r%E2%80%8Bx", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep id with a NUL", () -> api.put("/api/org/reps/r%00x", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep with an impossible hire date", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-13-45\",\"capacity\":1.0}"));
        add("org: rep with capacity as text", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":\"full\"}"));
        add("org: rep with negative capacity", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":-1}"));
        add("org: rep in an unknown team", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"x\",\"teamId\":\"../t\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep name with a NUL", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"a\\u0000b\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep name of 100,000 characters", () -> api.put("/api/org/reps/rl-hostile-new", admin,
                "{\"name\":\"" + "n".repeat(100_000) + "\",\"teamId\":\"" + slice.team()
                        + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
        add("org: rep as a JSON array", () -> api.put("/api/org/reps/rl-hostile-new", admin, "[]"));
        add("org: region growth as text", () -> api.put("/api/org/regions/rl-hostile-region", admin,
                "{\"name\":\"x\",\"marketType\":\"MATURE\",\"growthRate\":\"fast\"}"));
        add("org: region market type unknown", () -> api.put("/api/org/regions/rl-hostile-region", admin,
                "{\"name\":\"x\",\"marketType\":\"<script>\",\"growthRate\":0.1}"));
        add("org: product line margin 1e400", () -> api.put("/api/org/product-lines/rl-hostile-pl", admin,
                "{\"name\":\"x\",\"grossMargin\":1e400,\"strategicPriority\":1}"));
        add("org: product line priority 99", () -> api.put("/api/org/product-lines/rl-hostile-pl", admin,
                "{\"name\":\"x\",\"grossMargin\":0.4,\"strategicPriority\":99}"));
        add("org: team deep nesting", () -> api.put("/api/org/teams/rl-hostile-team", admin,
                "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        add("org: team formula name", () -> api.put("/api/org/teams/rl-hostile-team", admin,
                "{\"name\":\"=cmd|' /C calc'!A0\",\"regionId\":\"../../x\",\"managerId\":\"m\"}"));
        add("org: rep as a REP", () -> api.put("/api/org/reps/rl-hostile-new", api.rep(slice.reps().get(0)),
                "{\"name\":\"x\",\"teamId\":\"" + slice.team() + "\",\"hiredOn\":\"2026-01-01\",\"capacity\":1.0}"));
    }

    private void targets() {
        String admin = admin();
        add("targets: negative total", () -> api.post("/api/targets/plans", admin,
                "{\"period\":\"2026-12\",\"metric\":\"REVENUE\",\"total\":\"-1\",\"currency\":\"CNY\"}"));
        add("targets: metric unknown", () -> api.post("/api/targets/plans", admin,
                "{\"period\":\"2026-12\",\"metric\":\"HAPPINESS\",\"total\":\"100\",\"currency\":\"CNY\"}"));
        add("targets: period not a month", () -> api.post("/api/targets/plans", admin,
                "{\"period\":\"../2026\",\"metric\":\"REVENUE\",\"total\":\"100\",\"currency\":\"CNY\"}"));
        add("targets: total 1e400", () -> api.post("/api/targets/plans", admin,
                "{\"period\":\"2026-12\",\"metric\":\"REVENUE\",\"total\":1e400,\"currency\":\"CNY\"}"));
        add("targets: plan id traversal", () -> api.get("/api/targets/plans/..%2F..%2Fetc%2Fpasswd", admin));
        add("targets: approve an unknown plan", () -> api.post("/api/targets/plans/%E2%80%AEp/approve", admin, "{}"));
        add("targets: as INTEGRATION", () -> api.post("/api/targets/plans", slice.feederToken(),
                "{\"period\":\"2026-12\",\"metric\":\"REVENUE\",\"total\":\"100\",\"currency\":\"CNY\"}"));
    }

    // ---- kpi-service

    private void kpis() {
        String admin = admin();
        String rep = slice.reps().get(0);
        add("kpis: period 2026-13", () -> api.get("/api/kpis/reps/" + rep + "?period=2026-13", admin));
        add("kpis: period text", () -> api.get("/api/kpis/reps/" + rep + "?period=lastmonth", admin));
        add("kpis: period traversal", () -> api.get("/api/kpis/reps/" + rep + "?period=..%2F..", admin));
        add("kpis: rep traversal", () -> api.get("/api/kpis/reps/..%2F..%2Fetc%2Fpasswd", admin));
        add("kpis: rep with a NUL", () -> api.get("/api/kpis/reps/r%00x", admin));
        add("kpis: rep with an RTL override", () -> api.get("/api/kpis/reps/%E2%80%AE" + rep, admin));
        add("kpis: unknown team", () -> api.get("/api/kpis/teams/..%2Fx", admin));
        add("kpis: leaderboard metric injection", () -> api.get("/api/kpis/leaderboard?metric=%7B%22%24gt%22%3A%22%22%7D",
                admin));
        add("kpis: leaderboard level unknown", () -> api.get("/api/kpis/leaderboard?level=GALAXY", admin));
        add("kpis: tiers tier unknown", () -> api.get("/api/kpis/customers/tiers?tier=Z", admin));
        add("kpis: high-intent limit -5", () -> api.get("/api/kpis/customers/high-intent?repId=" + rep + "&limit=-5",
                admin));
        add("kpis: high-intent limit huge", () -> api.get("/api/kpis/customers/high-intent?repId=" + rep
                + "&limit=99999999999", admin));
        add("kpis: alerts status unknown", () -> api.get("/api/kpis/alerts?status=EXPLODED", admin));
        add("kpis: another rep's scorecard as a REP", () -> api.get("/api/kpis/reps/" + slice.reps().get(1),
                api.rep(rep)));
        add("kpis: the company as a REP", () -> api.get("/api/kpis/company", api.rep(rep)));
    }

    // ---- incentive-service

    private void incentives() {
        String admin = admin();
        String rep = slice.reps().get(0);
        String rule = "{\"ruleId\":\"r\",\"type\":\"PER_UNIT\",\"unit\":\"DEAL\",\"amount\":\"1.00\"}";
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("no rules", "{\"name\":\"x\",\"effectiveFrom\":\"2099-01-01\",\"currency\":\"CNY\",\"rules\":[]}");
        plans.put("rule type unknown", plan("{\"ruleId\":\"r\",\"type\":\"JACKPOT\"}"));
        plans.put("negative amount", plan(rule.replace("1.00", "-1.00")));
        plans.put("amount as an object", plan(rule.replace("\"1.00\"", "{\"$gt\":1}")));
        plans.put("overlapping bands", plan("{\"ruleId\":\"c\",\"type\":\"TIERED_COMMISSION\",\"metric\":\"REVENUE\","
                + "\"payOn\":\"CLOSE\",\"bands\":[{\"from\":0,\"to\":1,\"rate\":0.1},{\"from\":0.5,\"to\":null,\"rate\":0.2}]}"));
        plans.put("rate 1e400", plan("{\"ruleId\":\"c\",\"type\":\"TIERED_COMMISSION\",\"metric\":\"REVENUE\","
                + "\"payOn\":\"CLOSE\",\"bands\":[{\"from\":0,\"to\":null,\"rate\":1e400}]}"));
        plans.put("rule id traversal", plan(rule.replace("\"r\"", "\"../../r\"")));
        plans.put("rule id with an RTL override", plan(rule.replace("\"r\"", "\"r\\u202Ex\"")));
        plans.put("effectiveFrom not a date", plan(rule).replace("2099-01-01", "soon"));
        plans.put("currency formula", plan(rule).replace("\"CNY\"", "\"=1+1\""));
        plans.put("name with a NUL", plan(rule).replace("\"name\":\"x\"", "\"name\":\"a\\u0000b\""));
        plans.put("deep nesting", "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        plans.put("rules not a list", "{\"name\":\"x\",\"effectiveFrom\":\"2099-01-01\",\"currency\":\"CNY\",\"rules\":7}");
        for (Map.Entry<String, String> entry : plans.entrySet()) {
            add("incentive plan: " + entry.getKey(), () -> api.put("/api/incentives/plans/rl-hostile-plan", admin,
                    entry.getValue()));
        }
        add("incentive plan: id traversal", () -> api.put("/api/incentives/plans/..%2F..%2Fx", admin, plan(rule)));
        add("incentive plan: id with a zero-width space", () -> api.put("/api/incentives/plans/p%E2%80%8B", admin,
                plan(rule)));
        add("incentive plan: as a REP", () -> api.put("/api/incentives/plans/rl-hostile-plan", api.rep(rep), plan(rule)));
        add("awards: period 2026-00", () -> api.get("/api/incentives/awards?repId=" + rep + "&period=2026-00", admin));
        add("statement: rep traversal", () -> api.get("/api/incentives/statements/..%2F..%2Fetc?period=2026-12", admin));
        add("statement: another rep's as a REP", () -> api.get("/api/incentives/statements/" + slice.reps().get(1),
                api.rep(rep)));
        add("close: period not a month", () -> api.post("/api/incentives/periods/2026-99/close", admin, "{}"));
        add("close: a future period", () -> api.post("/api/incentives/periods/2099-01/close", admin, "{}"));
        add("what-if: amount as words", () -> api.post("/api/incentives/what-if", api.rep(rep),
                "{\"amount\":\"a lot\"}"));
        add("what-if: amount 1e400", () -> api.post("/api/incentives/what-if", api.rep(rep), "{\"amount\":1e400}"));
        add("inquiry: message of 100,000 characters", () -> api.post("/api/incentives/inquiries", api.rep(rep),
                "{\"period\":\"2026-12\",\"message\":\"" + "m".repeat(100_000) + "\"}"));
        add("inquiry: message with a NUL", () -> api.post("/api/incentives/inquiries", api.rep(rep),
                "{\"period\":\"2026-12\",\"awardId\":\"x\",\"message\":\"a\\u0000b\"}"));
        add("payouts: period traversal", () -> api.get("/api/incentives/payouts?period=..%2F..", admin));
    }

    /**
     * A batch is answered 202 with each refused activity under {@code rejected} (API.md): refused whole when
     * nothing was accepted.
     */
    private static boolean wholeBatchRefused(Api.Answer answer) {
        if (answer.status() != 202 || !answer.body().startsWith("{")) {
            return false;
        }
        tools.jackson.databind.JsonNode body = answer.json();
        return body.has("rejected") && body.path("accepted").asInt(-1) == 0
                && body.path("duplicates").asInt(-1) == 0 && !body.path("rejected").isEmpty();
    }

    /** The elements of a JSON list that are new or changed, as failures. */
    private static List<String> changes(String what, String before, String after) {
        java.util.Set<String> old = new java.util.HashSet<>();
        Api.JSON.readTree(before).forEach(node -> old.add(node.toString()));
        List<String> changed = new ArrayList<>();
        Api.JSON.readTree(after).forEach(node -> {
            if (!old.contains(node.toString())) {
                changed.add(what + " stored by a refused request: " + abbreviate(node.toString()));
            }
        });
        return changed;
    }

    private static String plan(String rule) {
        return "{\"name\":\"x\",\"effectiveFrom\":\"2099-01-01\",\"currency\":\"CNY\",\"rules\":[" + rule + "]}";
    }

    // ---- helpers

    private String admin() {
        return api.admin();
    }

    private ObjectNode validDeal(String rep) {
        return Activity.deal("hostile-template", rep, slice.recentInstant(), new java.math.BigDecimal("100.00"))
                .toJson();
    }

    private void add(String name, Supplier<Api.Answer> call) {
        cases.add(new Case(name, call));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The body with an overlong encoding of '/' ({@code 0xC0 0xAF}) right after {@code marker}. */
    private static byte[] withOverlongSlash(String json, String marker) {
        int at = json.indexOf(marker) + marker.length();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(0xC0);
        out.write(0xAF);
        out.writeBytes(json.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
