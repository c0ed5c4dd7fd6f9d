package dev.hone.bench.report;

/**
 * One row of the table: Hone's figure and the peer's from the same run (medians of the
 * repeats), their ratio, the goal and whether it is met. A figure a row does not have is null.
 *
 * @param path   the row: ingest, recommender, loader, queue, dashboards, freshness, replay, memory, jmh
 * @param metric what is measured, with its unit
 * @param hone   Hone's median
 * @param peer   the peer tool's median in the same run
 * @param ratio  hone / peer
 * @param goal   the goal as text
 * @param met    whether the goal is met (null: no goal)
 * @param honeRuns every run of Hone's figure, with median and spread
 * @param peerRuns every run of the peer's figure
 * @param note   what the peer is or how the figure was taken
 */
public record Result(String path, String metric, Double hone, Double peer, Double ratio, String goal, Boolean met,
                     Summary honeRuns, Summary peerRuns, String note) {

    public static Result of(String path, String metric, Summary hone, Summary peer, Goal goal, String note) {
        Double h = hone == null ? null : hone.median();
        Double p = peer == null ? null : peer.median();
        Double ratio = h != null && p != null && p != 0 ? h / p : null;
        return new Result(path, metric, h, p, ratio, goal.text(), goal.met(h, ratio), hone, peer, note);
    }
}
