package io.quotaflow.platform.csv;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvTableTest {

    private static final List<String> REQUIRED = List.of("id", "name");
    private static final List<String> OPTIONAL = List.of("note");
    private static final int MAX_ROWS = 3;

    @Test
    void shouldReadTrimmedCellsWithTheLineOfEachRow() {
        List<CsvRow> rows = read("id,name,note\n r-1 , Li Wei ,\nr-2,\"Wang, Fang\",new hire\n");

        assertThat(rows).extracting(CsvRow::line).containsExactly(2, 3);
        assertThat(rows.get(0).text("id")).isEqualTo("r-1");
        assertThat(rows.get(0).text("name")).isEqualTo("Li Wei");
        assertThat(rows.get(0).text("note")).isNull();
        assertThat(rows.get(1).text("name")).isEqualTo("Wang, Fang");
        assertThat(rows.get(1).text("note")).isEqualTo("new hire");
    }

    @Test
    void shouldSkipBlankLinesButCountThem() {
        List<CsvRow> rows = read("id,name\n\nr-1,Li Wei\n,,\n\"r-2\",\"Wang\nFang\"\nr-3,Zhao Lei");

        assertThat(rows).extracting(CsvRow::line).containsExactly(3, 5, 7);
        assertThat(rows.get(1).text("name")).isEqualTo("Wang\nFang");
    }

    @Test
    void shouldIgnoreAByteOrderMarkAndColumnsNotAskedFor() {
        List<CsvRow> rows = read("\uFEFFid,region,name\r\nr-1,east,Li Wei\r\n");

        assertThat(rows.get(0).text("id")).isEqualTo("r-1");
        assertThat(rows.get(0).text("region")).isNull();
        assertThat(rows.get(0).text("name")).isEqualTo("Li Wei");
    }

    @Test
    void shouldLetOptionalColumnsBeLeftOut() {
        assertThat(read("name,id\nLi Wei,r-1").get(0).text("note")).isNull();
    }

    @Test
    void shouldNameEveryMissingRequiredColumn() {
        assertThat(problems("note\nhello")).containsExactly(
                new FieldProblem("file.id", "is a required column"),
                new FieldProblem("file.name", "is a required column"));
    }

    @Test
    void shouldRefuseAColumnNamedTwice() {
        assertThat(problems("id,name,id\nr-1,Li Wei,r-2"))
                .containsExactly(new FieldProblem("file.id", "is named more than once in the header"));
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThat(problems("")).containsExactly(new FieldProblem("file", "is empty"));
        assertThat(problems("\n\n")).containsExactly(new FieldProblem("file", "is empty"));
    }

    @Test
    void shouldRefuseAHeaderWithoutRows() {
        assertThat(problems("id,name\n\n")).containsExactly(new FieldProblem("file", "has a header but no rows"));
    }

    @Test
    void shouldTakeUpToTheMaximumNumberOfRows() {
        assertThat(read("id,name\nr-1,a\nr-2,b\n\nr-3,c\n")).hasSize(MAX_ROWS);
    }

    @Test
    void shouldRefuseMoreRowsThanTheMaximum() {
        assertThat(problems("id,name\nr-1,a\nr-2,b\nr-3,c\nr-4,d\n"))
                .containsExactly(new FieldProblem("file", "has more than 3 rows"));
    }

    @Test
    void shouldRefuseTextThatIsNotUtf8() {
        byte[] gbk = "id,name\nr-1,李伟\n".getBytes(Charset.forName("GBK"));

        assertThat(problems(gbk)).containsExactly(new FieldProblem("file", "is not UTF-8 text"));
    }

    @Test
    void shouldRefuseMalformedCsvSayingWhere() {
        List<FieldProblem> problems = problems("id,name\nr-1,\"Li Wei\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("file");
            assertThat(problem.message()).startsWith("is not valid CSV").contains("line 2");
        });
    }

    @Test
    void shouldReadMissingTrailingCellsAsBlank() {
        CsvRow row = read("id,name,note\nr-1,Li Wei").get(0);

        assertThat(row.text("note")).isNull();
        assertThat(row.problemsWith(List.of())).isEmpty();
    }

    @Test
    void shouldReportARowWithMoreCellsThanTheHeaderHasColumns() {
        List<CsvRow> rows = read("id,name\nr-1,Li,Wei\nr-2,Wang Fang,,\n");

        assertThat(rows.get(0).problemsWith(List.of()))
                .containsExactly(new FieldProblem("rows[2]", "has more cells than the header has columns"));
        assertThat(rows.get(1).problemsWith(List.of())).isEmpty();
    }

    private static List<CsvRow> read(String csv) {
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        return CsvTable.read(new ByteArrayInputStream(file), REQUIRED, OPTIONAL, MAX_ROWS);
    }

    private static List<FieldProblem> problems(String csv) {
        return problems(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldProblem> problems(byte[] csv) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> CsvTable.read(new ByteArrayInputStream(csv), REQUIRED, OPTIONAL, MAX_ROWS));
        assertThat(refused).as("the file is refused").isNotNull();
        return refused.problems();
    }
}
