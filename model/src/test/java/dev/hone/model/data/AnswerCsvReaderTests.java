package dev.hone.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCsvReaderTests {

    private final Ids ids = new Ids();
    private final BadRows bad = new BadRows();

    private List<String> read(String csv, boolean strict) throws IOException {
        List<String> rows = new ArrayList<>();
        AnswerRow row = new AnswerRow();
        try (AnswerCsvReader reader = new AnswerCsvReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ids, bad, strict)) {
            while (reader.next(row)) {
                rows.add(ids.learners().name(row.learner()) + " " + ids.items().name(row.item()) + " "
                        + row.skills().length + " " + row.score() + " " + row.timestamp() + " @" + row.line());
            }
        }
        return rows;
    }

    @Test
    void readsEpochSecondsIsoTimesMultiSkillRowsAndIgnoresExtraColumns() throws IOException {
        String csv = """
                learner_id,item_id,skill_ids,correct,timestamp,response_ms
                u1,i1,s1;s2,1,1577836800,3200
                u1,i2,s2,0,2020-01-01T00:01:00Z,100
                "u2",i1,s1,0.5,2020-01-01 00:02:00,
                """;

        List<String> rows = read(csv, false);

        assertThat(rows).containsExactly("u1 i1 2 1.0 1577836800 @2", "u1 i2 1 0.0 1577836860 @3",
                "u2 i1 1 0.5 1577836920 @4");
        assertThat(bad.count()).isZero();
    }

    @Test
    void countsBadRowsWithTheirLineNumbersAndGoesOn() throws IOException {
        String csv = """
                learner_id,item_id,skill_ids,correct,timestamp
                u1,i1,s1,1,100
                u1,i1,s1,yes,200
                u1,i1
                u1,i1,s1,1,yesterday
                u1,,s1,1,300
                u1,i1,s1,2,400
                u1,i2,s1,0,500
                """;

        List<String> rows = read(csv, false);

        assertThat(rows).hasSize(2);
        assertThat(bad.count()).isEqualTo(5);
        assertThat(bad.first()).extracting(BadRows.BadRow::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(bad.first().get(0).reason()).contains("correct");
        assertThat(bad.first().get(1).reason()).contains("missing field skill_ids");
        assertThat(bad.first().get(2).reason()).contains("timestamp");
        assertThat(bad.first().get(3).reason()).contains("missing field item_id");
    }

    @Test
    void strictModeStopsAtTheFirstBadRow() {
        String csv = "learner_id,item_id,skill_ids,correct,timestamp\nu1,i1,s1,1,100\nu1,i1,s1,x,200\nu1,i1,s1,1,300\n";

        assertThatThrownBy(() -> read(csv, true)).isInstanceOf(BadRowException.class).hasMessageContaining("line 3");
    }

    @Test
    void aMissingColumnInTheHeaderIsAnError() {
        assertThatThrownBy(() -> read("learner_id,item_id,correct,timestamp\n", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skill_ids");
    }

    @Test
    void toleratesCrLfAndANoFinalNewline() throws IOException {
        List<String> rows = read("learner_id,item_id,skill_ids,correct,timestamp\r\nu1,i1,s1,1,100\r\nu1,i1,s1,0,160", false);

        assertThat(rows).containsExactly("u1 i1 1 1.0 100 @2", "u1 i1 1 0.0 160 @3");
    }

    @Test
    void theSameSkillListSharesOneArray() throws IOException {
        String csv = "learner_id,item_id,skill_ids,correct,timestamp\nu1,i1,a;b,1,100\nu2,i1,a;b,1,100\n";
        AnswerRow row = new AnswerRow();
        try (AnswerCsvReader reader = new AnswerCsvReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ids, bad, false)) {
            reader.next(row);
            int[] first = row.skills();
            reader.next(row);

            assertThat(row.skills()).isSameAs(first).containsExactly(0, 1);
        }
    }
}
