package dev.hone.analytics.dashboard;

import java.util.List;

/** A dashboard's main table: what its CSV export holds, row for row. */
interface Tabular {

    List<? extends Record> rows();
}
