package dev.hone.catalog.grading;

/** The result of grading one answer: a score in [0, 1] and whether it counts as correct. */
public record Grade(boolean correct, double score) {

    public static Grade of(double score, boolean correct) {
        return new Grade(correct, Math.max(0.0, Math.min(1.0, score)));
    }
}
