package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The learners erased so far, so that no answer or mastery change recorded before a learner's
 * erasure is stored after it: not one still in flight, not one read again by a new consumer group.
 * Kept in ClickHouse ({@code erased_learners}, a SHA-256 of the id and the erasure time) and in
 * memory for the loader's filter.
 * <p>
 * Inserts hold {@link #insertLock()} from filtering to ClickHouse's acknowledgement; an erasure
 * takes the write side to record the learner, so every batch either was stored before the
 * erasure's DELETE mutations start (and is deleted by them) or is filtered.
 */
@Component
public class ErasedLearners {

    private static final String INSERT = SqlFile.load("loader/insert_erased_learner.sql");
    private static final String ALL = SqlFile.load("loader/erased_learners.sql");

    private final DataSource clickHouse;
    private final Map<String, Instant> erasedAt = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    ErasedLearners(DataSource clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Reads every erasure ClickHouse holds (at start and on each partition assignment). */
    void reload() throws SQLException {
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                erasedAt.merge(rs.getString(1), Instant.ofEpochSecond(rs.getLong(2)), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** Records the erasure in ClickHouse first (a restart must know it), then for the filter. */
    void record(String learnerId, Instant tombstoneAt) throws SQLException {
        String hash = hash(learnerId);
        // ClickHouse keeps whole seconds: round up, so nothing recorded before the erasure slips through
        Instant at = tombstoneAt.truncatedTo(ChronoUnit.SECONDS).equals(tombstoneAt) ? tombstoneAt
                : tombstoneAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, hash);
            ps.setLong(2, at.getEpochSecond());
            ps.execute();
        }
        Lock write = lock.writeLock();
        write.lock(); // waits for the insert in flight, which the DELETE mutations that follow will cover
        try {
            erasedAt.merge(hash, at, (a, b) -> a.isAfter(b) ? a : b);
        } finally {
            write.unlock();
        }
    }

    /** Held by an insert from filtering its rows until ClickHouse acknowledged them. */
    Lock insertLock() {
        return lock.readLock();
    }

    /** True while no learner was erased: the loader's filter has nothing to drop. */
    boolean none() {
        return erasedAt.isEmpty();
    }

    /**
     * A filter for one batch: true for a row of an erased learner recorded at or before the
     * erasure. Hashes each learner of the batch once.
     */
    Predicate<Row> erasedFilter() {
        if (erasedAt.isEmpty()) {
            return row -> false;
        }
        Map<String, Instant> ofBatch = new HashMap<>();
        return row -> {
            Instant erased = ofBatch.computeIfAbsent(row.learnerId(), id -> erasedAt.getOrDefault(hash(id), Instant.MIN));
            return !row.at().isAfter(erased);
        };
    }

    /** A learner's row as the filter sees it: who and when it was recorded. */
    record Row(String learnerId, Instant at) {
    }

    /** The SHA-256 of the id, hex: all that is kept of an erased learner. */
    public static String hash(String learnerId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(learnerId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
