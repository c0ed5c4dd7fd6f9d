package dev.hone.bench;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTests {

    @Test
    void optionsTakeAValueUnlessTheNextArgumentIsAnOption() {
        var o = BenchCommand.options(new String[] {"run", "--rows", "ingest,queue", "--quick", "--kafka", "127.0.0.1:1"});

        assertThat(o).containsEntry("--rows", "ingest,queue").containsEntry("--quick", "true").containsEntry("--kafka", "127.0.0.1:1");
    }

    @Test
    void aStrayArgumentIsAnErrorNamingIt() {
        assertThatThrownBy(() -> BenchCommand.options(new String[] {"run", "ingest"})).hasMessageContaining("'ingest'");
    }

    @Test
    void reportListsRowsInTheIssuesOrderWhateverOrderThePhasesRanThem() {
        Summary one = Summary.of(List.of(1.0));
        List<Result> measured = List.of(
                Result.of("replay", "a", one, null, Goal.report(), ""),
                Result.of("freshness", "b", one, null, Goal.report(), ""),
                Result.of("ingest", "c", one, one, Goal.ratioAtLeast(0.5), ""));

        assertThat(BenchCommand.order(measured)).extracting(Result::path).containsExactly("ingest", "freshness", "replay");
    }
}
