package io.quotaflow.target.org;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import io.quotaflow.web.FieldProblem;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.quotaflow.target.org.OrgApi.fieldsNamedBy;
import static io.quotaflow.target.org.OrgApi.problems;
import static io.quotaflow.target.org.OrgMother.newId;
import static io.quotaflow.target.org.OrgMother.productLine;
import static io.quotaflow.target.org.OrgMother.region;
import static io.quotaflow.target.org.OrgMother.rep;
import static io.quotaflow.target.org.OrgMother.team;
import static org.assertj.core.api.Assertions.assertThat;

/** The org API over real HTTP, against the real MongoDB wire protocol and Kafka broker. */
@ServiceIT
class OrgApiIT {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    private final TestTokens tokens = TestTokens.shared();
    private OrgApi admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = new OrgApi(http, tokens.admin());
    }

    @Nested
    class Upserts {

        @Test
        void shouldCreateARegionThenReplaceIt() {
            createThenReplace("regions", region());
        }

        @Test
        void shouldCreateAProductLineThenReplaceIt() {
            createThenReplace("product-lines", productLine());
        }

        @Test
        void shouldCreateATeamThenReplaceIt() {
            createThenReplace("teams", team(admin.newRegion()));
        }

        @Test
        void shouldCreateARepThenReplaceIt() {
            createThenReplace("reps", rep(admin.newTeam(admin.newRegion())));
        }

        private void createThenReplace(String kind, Body body) {
            // given
            String id = newId(kind);

            // when / then: created
            admin.put(kind + "/" + id, body).expectStatus().isCreated()
                    .expectHeader().location("/api/org/" + kind + "/" + id)
                    .expectBody()
                    .jsonPath("$.id").isEqualTo(id)
                    .jsonPath("$.name").isEqualTo(body.fields().get("name"));

            // when / then: replaced
            admin.put(kind + "/" + id, body.with("name", "Renamed")).expectStatus().isOk()
                    .expectHeader().doesNotExist("Location")
                    .expectBody().jsonPath("$.name").isEqualTo("Renamed");
            admin.get(kind + "/" + id).expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.name").isEqualTo("Renamed");
        }

        @Test
        void shouldStoreEachKindInItsOwnCollectionUnderItsIdWithExactDecimals() {
            String region = admin.newRegion();
            String team = admin.newTeam(region);
            String rep = admin.newRep(team);
            String line = admin.newProductLine();

            assertThat(stored("regions", region).get("growthRate")).isEqualTo(decimal128("0.05"));
            assertThat(stored("product_lines", line).get("grossMargin")).isEqualTo(decimal128("0.42"));
            assertThat(stored("teams", team).get("regionId")).isEqualTo(region);
            assertThat(stored("reps", rep).get("teamId")).isEqualTo(team);
        }

        private static Decimal128 decimal128(String value) {
            return new Decimal128(new BigDecimal(value));
        }

        private Document stored(String collection, String id) {
            Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
            assertThat(document).as("%s %s", collection, id).isNotNull();
            return document;
        }

        @Test
        void shouldAnswerRatiosAsJsonNumbers() {
            String regionId = admin.newRegion();
            String lineId = admin.newProductLine();

            admin.get("regions/" + regionId).expectStatus().isOk().expectBody()
                    .jsonPath("$.marketType").isEqualTo("MATURE")
                    .jsonPath("$.growthRate").isEqualTo(0.05);
            admin.get("product-lines/" + lineId).expectStatus().isOk().expectBody()
                    .jsonPath("$.grossMargin").isEqualTo(0.42)
                    .jsonPath("$.strategicPriority").isEqualTo(3);
        }

        @Test
        void shouldMakeARepWithoutCapacityFullTimeAndLetThemLeaveLater() {
            // given
            String teamId = admin.newTeam(admin.newRegion());
            String repId = newId("rep");

            // when
            admin.put("reps/" + repId, rep(teamId).without("capacity")).expectStatus().isCreated();
            admin.put("reps/" + repId, rep(teamId).with("leftOn", "2026-06-30")).expectStatus().isOk();

            // then
            admin.get("reps/" + repId).expectStatus().isOk().expectBody()
                    .jsonPath("$.teamId").isEqualTo(teamId)
                    .jsonPath("$.hiredOn").isEqualTo("2026-01-15")
                    .jsonPath("$.capacity").isEqualTo(1.0)
                    .jsonPath("$.leftOn").isEqualTo("2026-06-30");
        }

        @Test
        void shouldIgnoreUnknownFieldsAndTheIdInTheBody() {
            String id = newId("region");

            admin.put("regions/" + id, region().with("id", "someone-else").with("colour", "blue"))
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.colour").doesNotExist();
        }

        @Test
        void shouldAnswer404ProblemForAnUnknownEntity() {
            for (String kind : List.of("regions", "product-lines", "teams", "reps")) {
                problems(admin.get(kind + "/" + newId("missing")), HttpStatus.NOT_FOUND);
            }
        }
    }

    @Nested
    class Lists {

        @Test
        void shouldListRegionsAndProductLinesSortedById() {
            String regionId = admin.newRegion();
            String lineId = admin.newProductLine();

            List<String> regions = ids(admin.get("regions"));
            List<String> lines = ids(admin.get("product-lines"));

            assertThat(regions).contains(regionId).isSorted();
            assertThat(lines).contains(lineId).isSorted();
        }

        @Test
        void shouldListTheTeamsOfARegionSortedById() {
            // given
            String east = admin.newRegion();
            String west = admin.newRegion();
            String eastTeam1 = admin.newTeam(east);
            String eastTeam2 = admin.newTeam(east);
            String westTeam = admin.newTeam(west);

            // when
            List<String> eastTeams = ids(admin.get("teams?regionId=" + east));

            // then
            assertThat(eastTeams).containsExactlyElementsOf(sorted(eastTeam1, eastTeam2));
            assertThat(ids(admin.get("teams"))).contains(eastTeam1, eastTeam2, westTeam).isSorted();
        }

        @Test
        void shouldListTheRepsOfATeamSortedById() {
            // given
            String region = admin.newRegion();
            String team = admin.newTeam(region);
            String otherTeam = admin.newTeam(region);
            String rep1 = admin.newRep(team);
            String rep2 = admin.newRep(team);
            String otherRep = admin.newRep(otherTeam);

            // when
            List<String> reps = ids(admin.get("reps?teamId=" + team));

            // then
            assertThat(reps).containsExactlyElementsOf(sorted(rep1, rep2));
            assertThat(ids(admin.get("reps"))).contains(rep1, rep2, otherRep).isSorted();
        }
    }

    @Nested
    class BadInput {

        @Test
        void shouldRejectAGrowthRateOfMinusOneOrLessAndStoreNothing() {
            String id = newId("region");

            assertThat(problems(admin.put("regions/" + id, region().with("growthRate", -2)), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("growthRate", "must be more than -1 and at most 10, was -2"));
            admin.get("regions/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectAnUnknownMarketTypeAndStoreNothing() {
            String id = newId("region");

            Body giant = region().with("marketType", "GIANT");

            assertThat(problems(admin.put("regions/" + id, giant), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("marketType", "must be one of [MATURE, EMERGING]"));
            admin.get("regions/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldNameEveryMissingFieldOfAnEmptyBody() {
            String id = newId("region");

            assertThat(fieldsNamedBy(admin.put("regions/" + id, Body.of())))
                    .containsExactly("name", "marketType", "growthRate");
            admin.get("regions/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectAGrossMarginAboveOneAndStoreNothing() {
            String id = newId("line");

            assertThat(fieldsNamedBy(admin.put("product-lines/" + id, productLine().with("grossMargin", 1.5))))
                    .containsExactly("grossMargin");
            admin.get("product-lines/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectAPriorityOutsideOneToFiveOrNotWholeAndStoreNothing() {
            String id = newId("line");

            assertThat(problems(admin.put("product-lines/" + id, productLine().with("strategicPriority", 9)),
                    HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("strategicPriority", "must be from 1 to 5, was 9"));
            assertThat(problems(admin.put("product-lines/" + id, productLine().with("strategicPriority", 2.5)),
                    HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("strategicPriority", "must be a valid whole number"));
            admin.get("product-lines/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectATeamInAnUnknownRegionAndStoreNothing() {
            String id = newId("team");

            assertThat(problems(admin.put("teams/" + id, team("atlantis")), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("regionId", "region atlantis does not exist"));
            admin.get("teams/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectARepOnAnUnknownTeamAndStoreNothing() {
            String id = newId("rep");

            assertThat(problems(admin.put("reps/" + id, rep("nowhere")), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("teamId", "team nowhere does not exist"));
            admin.get("reps/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectAnImpossibleHiringDateAndStoreNothing() {
            String teamId = admin.newTeam(admin.newRegion());
            String id = newId("rep");

            Body february30 = rep(teamId).with("hiredOn", "2026-02-30");

            assertThat(problems(admin.put("reps/" + id, february30), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("hiredOn", "must be a valid date (YYYY-MM-DD)"));
            admin.get("reps/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectARepWhoLeftBeforeTheyWereHired() {
            String teamId = admin.newTeam(admin.newRegion());
            String id = newId("rep");

            assertThat(fieldsNamedBy(admin.put("reps/" + id, rep(teamId).with("leftOn", "2025-12-31"))))
                    .containsExactly("leftOn");
            admin.get("reps/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectAnIdThatDoesNotFitAPathAndStoreNothing() {
            String id = newId("east") + "!";

            assertThat(fieldsNamedBy(admin.put("regions/" + id, region()))).containsExactly("id");
            admin.get("regions/" + id).expectStatus().isNotFound();
        }

        @Test
        void shouldRejectBodiesThatAreNotJson() {
            assertThat(fieldsNamedBy(http.put().uri("/api/org/regions/" + newId("region"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                    .contentType(MediaType.APPLICATION_JSON).body("{\"name\":").exchange()))
                    .containsExactly("body");
        }
    }

    @Nested
    class Access {

        private String region;
        private String managedTeam;
        private String otherTeam;
        private String managedRep;
        private String otherRep;
        private OrgApi manager;

        @BeforeEach
        void givenTwoTeamsInARegionAndTheManagerOfOne() {
            region = admin.newRegion();
            managedTeam = admin.newTeam(region);
            otherTeam = admin.newTeam(region);
            managedRep = admin.newRep(managedTeam);
            otherRep = admin.newRep(otherTeam);
            manager = new OrgApi(http, tokens.manager("alice", managedTeam));
        }

        @Test
        void shouldLetOnlyAnAdminWrite() {
            for (OrgApi notAdmin : List.of(manager, as(tokens.rep(managedRep)), as(tokens.integration()))) {
                String id = newId("region");
                problems(notAdmin.put("regions/" + id, region()), HttpStatus.FORBIDDEN);
                problems(notAdmin.put("reps/" + managedRep, rep(managedTeam).with("name", "Hacked")),
                        HttpStatus.FORBIDDEN);
                problems(notAdmin.importCsv("regions", CsvMother.regions(id)), HttpStatus.FORBIDDEN);
                admin.get("regions/" + id).expectStatus().isNotFound();
            }
            admin.get("reps/" + managedRep).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Li Wei");
        }

        @Test
        void shouldLetAManagerSeeTheOrgShapeAndOnlyTheirOwnTeamsAndReps() {
            manager.get("regions/" + region).expectStatus().isOk();
            manager.get("regions").expectStatus().isOk();
            manager.get("product-lines").expectStatus().isOk();

            assertThat(ids(manager.get("teams?regionId=" + region))).containsExactly(managedTeam);
            assertThat(ids(manager.get("teams"))).containsExactly(managedTeam);
            manager.get("teams/" + managedTeam).expectStatus().isOk();
            problems(manager.get("teams/" + otherTeam), HttpStatus.FORBIDDEN);

            assertThat(ids(manager.get("reps"))).containsExactly(managedRep);
            assertThat(ids(manager.get("reps?teamId=" + managedTeam))).containsExactly(managedRep);
            assertThat(ids(manager.get("reps?teamId=" + otherTeam))).isEmpty();
            manager.get("reps/" + managedRep).expectStatus().isOk();
            problems(manager.get("reps/" + otherRep), HttpStatus.FORBIDDEN);
            problems(manager.get("reps/" + newId("missing")), HttpStatus.FORBIDDEN);
        }

        @Test
        void shouldLetARepSeeThemselvesAndTheOrgShapeOnly() {
            OrgApi rep = as(tokens.rep(managedRep));

            rep.get("reps/" + managedRep).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(managedRep);
            rep.get("regions").expectStatus().isOk();
            rep.get("product-lines").expectStatus().isOk();
            problems(rep.get("reps/" + otherRep), HttpStatus.FORBIDDEN);
            problems(rep.get("reps?teamId=" + managedTeam), HttpStatus.FORBIDDEN);
            problems(rep.get("teams/" + managedTeam), HttpStatus.FORBIDDEN);
            problems(rep.get("teams"), HttpStatus.FORBIDDEN);
        }

        @Test
        void shouldGiveAnIntegrationNothingToRead() {
            OrgApi crm = as(tokens.integration());

            for (String path : List.of("regions", "regions/" + region, "product-lines", "teams", "teams/" + managedTeam,
                    "reps", "reps/" + managedRep)) {
                problems(crm.get(path), HttpStatus.FORBIDDEN);
            }
        }

        @Test
        void shouldAnswer401ProblemWithoutAToken() {
            http.get().uri("/api/org/regions").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        private OrgApi as(String token) {
            return new OrgApi(http, token);
        }
    }

    @Nested
    class CsvImport {

        @Test
        void shouldImportRegionsCountingTheCreatedAndTheUpdated() {
            // given
            String existing = admin.newRegion();
            String new1 = newId("region");
            String new2 = newId("region");

            // when
            admin.importCsv("regions", CsvMother.regions(existing, new1, new2)).expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.imported").isEqualTo(3)
                    .jsonPath("$.created").isEqualTo(2)
                    .jsonPath("$.updated").isEqualTo(1);

            // then
            admin.get("regions/" + existing).expectStatus().isOk().expectBody()
                    .jsonPath("$.name").isEqualTo("Region " + existing)
                    .jsonPath("$.marketType").isEqualTo("EMERGING")
                    .jsonPath("$.growthRate").isEqualTo(0.12);
            admin.get("regions/" + new2).expectStatus().isOk();
        }

        @Test
        void shouldImportProductLinesAndTeams() {
            String line = newId("line");
            String region = admin.newRegion();
            String team = newId("team");

            admin.importCsv("product-lines", CsvMother.productLines(line)).expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(1);
            admin.importCsv("teams", CsvMother.teams(region, team)).expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(1);

            admin.get("product-lines/" + line).expectStatus().isOk().expectBody()
                    .jsonPath("$.grossMargin").isEqualTo(0.35).jsonPath("$.strategicPriority").isEqualTo(4);
            admin.get("teams/" + team).expectStatus().isOk().expectBody()
                    .jsonPath("$.regionId").isEqualTo(region).jsonPath("$.managerId").isEqualTo("manager-of-" + team);
        }

        @Test
        void shouldImportRepsOfExistingTeamsWithTheOptionalColumnsLeftBlankOrOut() {
            // given
            String team = admin.newTeam(admin.newRegion());
            String rep = newId("rep");
            String leaver = newId("rep");
            String newcomer = newId("rep");
            Csv withBlankCapacityForALeaver = CsvMother.reps(team, rep)
                    .row(leaver, "Sun Li", team, "2026-01-15", "", "2026-02-28");
            Csv withoutOptionalColumns = Csv.withHeader("name", "hiredOn", "teamId", "id")
                    .row("Zhao Lei", "2026-03-01", team, newcomer);

            // when
            admin.importCsv("reps", withBlankCapacityForALeaver).expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(2);
            admin.importCsv("reps", withoutOptionalColumns).expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(1);

            // then
            admin.get("reps/" + rep).expectStatus().isOk().expectBody().jsonPath("$.capacity").isEqualTo(0.8);
            admin.get("reps/" + leaver).expectStatus().isOk().expectBody()
                    .jsonPath("$.capacity").isEqualTo(1.0)
                    .jsonPath("$.leftOn").isEqualTo("2026-02-28");
            admin.get("reps/" + newcomer).expectStatus().isOk().expectBody()
                    .jsonPath("$.capacity").isEqualTo(1.0)
                    .jsonPath("$.leftOn").doesNotExist();
        }

        @Test
        void shouldRejectAFileWithBadRowsNamingEveryBadCellAndStoreNothing() {
            // given
            String team = admin.newTeam(admin.newRegion());
            String good = newId("rep");
            String bad1 = newId("rep");
            String bad2 = newId("rep");
            Csv csv = CsvMother.reps(team, good)
                    .row(bad1, "Wang Fang", team, "2026-02-01", "11", null)
                    .row(bad2, "", "atlantis", "2026-02-30", "lots", null)
                    .row(good, "Li Wei again", team, "2026-01-15", "1", "2025-01-01");

            // when
            List<FieldProblem> problems = problems(admin.importCsv("reps", csv), HttpStatus.BAD_REQUEST);

            // then
            assertThat(problems).containsExactly(
                    new FieldProblem("rows[3].capacity", "must be from 0 to 10, was 11"),
                    new FieldProblem("rows[4].hiredOn", "must be a valid date (YYYY-MM-DD)"),
                    new FieldProblem("rows[4].capacity", "must be a valid decimal number"),
                    new FieldProblem("rows[4].name", "is required"),
                    new FieldProblem("rows[4].teamId", "team atlantis does not exist"),
                    new FieldProblem("rows[5].leftOn", "must not be before hiredOn (2026-01-15)"),
                    new FieldProblem("rows[5].id", "repeats the id on line 2"));
            for (String rep : List.of(good, bad1, bad2)) {
                admin.get("reps/" + rep).expectStatus().isNotFound();
            }
        }

        @Test
        void shouldRejectATeamRowInAnUnknownRegion() {
            String team = newId("team");

            assertThat(problems(admin.importCsv("teams", CsvMother.teams("atlantis", team)), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("rows[2].regionId", "region atlantis does not exist"));
            admin.get("teams/" + team).expectStatus().isNotFound();
        }

        @Test
        void shouldStoreNothingOnADryRunButCountTheSame() {
            String existing = admin.newRegion();
            String fresh = newId("region");

            admin.dryRun("regions", CsvMother.regions(existing, fresh)).expectStatus().isOk().expectBody()
                    .jsonPath("$.imported").isEqualTo(2)
                    .jsonPath("$.created").isEqualTo(1)
                    .jsonPath("$.updated").isEqualTo(1)
                    .jsonPath("$.dryRun").isEqualTo(true);

            admin.get("regions/" + fresh).expectStatus().isNotFound();
            admin.get("regions/" + existing).expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("East China");
        }

        @Test
        void shouldNameAMissingRequiredColumn() {
            Csv withoutHiredOn = Csv.withHeader("id", "name", "teamId").row(newId("rep"), "Li Wei", "east-1");

            assertThat(problems(admin.importCsv("reps", withoutHiredOn), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("file.hiredOn", "is a required column"));
        }

        @Test
        void shouldRefuseAnEmptyFile() {
            assertThat(problems(admin.importFile("regions", new byte[0]), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("file", "is empty"));
        }

        @Test
        void shouldRefuseMoreThan5000RowsAndStoreNothing() {
            String team = admin.newTeam(admin.newRegion());
            String prefix = newId("rep");

            assertThat(problems(admin.importCsv("reps", CsvMother.reps(team, prefix, 5_001)), HttpStatus.BAD_REQUEST))
                    .containsExactly(new FieldProblem("file", "has more than 5000 rows"));
            assertThat(ids(admin.get("reps?teamId=" + team))).isEmpty();
        }

        /** A dry run: 5,000 stored reps would weigh on every plan the other tests decompose over this database. */
        @Test
        void shouldAcceptExactly5000Rows() {
            String team = admin.newTeam(admin.newRegion());

            admin.dryRun("reps", CsvMother.reps(team, newId("rep"), 5_000)).expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(5_000);
            assertThat(ids(admin.get("reps?teamId=" + team))).isEmpty();
        }

        @Test
        void shouldRefuseAFileOverTheUploadLimitWith413() {
            Csv oversize = CsvMother.regionsLargerThan(DataSize.ofMegabytes(10).toBytes());

            assertThat(problems(admin.importCsv("regions", oversize), HttpStatus.CONTENT_TOO_LARGE))
                    .extracting(FieldProblem::field).containsExactly("file");
        }

        @Test
        void shouldRequireTheFilePart() {
            MultipartBodyBuilder misnamed = new MultipartBodyBuilder();
            misnamed.part("upload", CsvMother.regions(newId("region")).bytes()).filename("regions.csv");

            assertThat(fieldsNamedBy(http.post().uri("/api/org/regions/import")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(misnamed.build()).exchange()))
                    .containsExactly("file");
        }
    }

    private static List<String> ids(RestTestClient.ResponseSpec list) {
        IdOnly[] entities = list.expectStatus().isOk().expectBody(IdOnly[].class).returnResult().getResponseBody();
        return Arrays.stream(entities).map(IdOnly::id).toList();
    }

    private static List<String> sorted(String... ids) {
        return Stream.of(ids).sorted().toList();
    }

    record IdOnly(String id) {
    }
}
