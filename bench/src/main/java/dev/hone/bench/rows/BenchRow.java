package dev.hone.bench.rows;

import dev.hone.bench.report.Result;
import dev.hone.bench.run.BenchContext;

import java.util.List;

/** One path of the table: measures Hone and its peer in the same run, several times. */
public interface BenchRow {

    /** The path as `./hone bench NAME` names it. */
    String name();

    List<Result> run(BenchContext ctx) throws Exception;
}
