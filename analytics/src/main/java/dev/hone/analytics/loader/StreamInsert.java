package dev.hone.analytics.loader;

import ru.yandex.clickhouse.ClickHouseConnection;
import ru.yandex.clickhouse.ClickHouseStatement;
import ru.yandex.clickhouse.domain.ClickHouseFormat;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;

/** One INSERT of a TabSeparated or RowBinary stream through the legacy driver's {@code write()} API. */
final class StreamInsert {

    private StreamInsert() {
    }

    /** ClickHouse acknowledges the whole stream or none of it (one INSERT, one block per max_insert_block_size). */
    static void send(DataSource clickHouse, String insertSql, Tsv rows) throws SQLException {
        send(clickHouse, insertSql, new ByteArrayInputStream(rows.bytes()), ClickHouseFormat.TabSeparated);
    }

    static void send(DataSource clickHouse, String insertSql, InputStream rows, ClickHouseFormat format) throws SQLException {
        try (Connection c = clickHouse.getConnection();
             ClickHouseStatement st = c.unwrap(ClickHouseConnection.class).createStatement()) {
            st.write().send(insertSql, rows, format);
        }
    }
}
