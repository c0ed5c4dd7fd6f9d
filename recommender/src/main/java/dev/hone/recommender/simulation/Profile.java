package dev.hone.recommender.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How simulated learners learn, forget and answer: a properties file (format and sources in
 * recommender/POLICY.md). Keys a file leaves out take the value of the shipped {@code baseline}
 * profile, so a profile can say only what it changes; an unknown key is an error.
 */
public record Profile(
        String name,
        String description,
        // population: skill on the logit scale, theta = ability + topic deviation
        double abilityMean,
        double abilitySd,
        double topicSd,
        double prerequisiteCorrelation,
        List<String> tracks,
        // items: true difficulty b = perLevel * (catalog difficulty - 3) + N(0, noiseSd); guessing floor per kind
        double difficultyPerLevel,
        double difficultyNoiseSd,
        double guessSingleChoice,
        double guessMultiChoice,
        // learning: logit gain per answer
        double learnRate,
        double learnRateSd,
        double failureShare,
        double zpdCentre,
        double zpdWidth,
        double zpdFloor,
        double prerequisiteStrength,
        // forgetting: the labile part of what was learned halves every halfLife; spaced success lengthens it
        double halfLifeDays,
        double halfLifeGrowth,
        double durableShare,
        // time and the run
        int answersPerSession,
        double secondsPerAnswer,
        double sessionGapHours,
        double masteryThreshold,
        int budget,
        int maxAnswers,
        int queueSize) {

    /** The profiles shipped in recommender/src/main/resources/simulation/, run when no --profile is given. */
    public static final List<String> SHIPPED = List.of("baseline", "fast-learners", "slow-learners", "strong-forgetting",
            "weak-forgetting", "strong-prerequisites", "weak-prerequisites");

    private static final Set<String> KEYS = new TreeSet<>(List.of("name", "description", "population.abilityMean",
            "population.abilitySd", "population.topicSd", "population.prerequisiteCorrelation", "population.tracks", "items.difficultyPerLevel",
            "items.difficultyNoiseSd", "items.guessSingleChoice", "items.guessMultiChoice", "learning.rate",
            "learning.rateSd", "learning.failureShare", "learning.zpdCentre", "learning.zpdWidth", "learning.zpdFloor",
            "prerequisites.strength", "forgetting.halfLifeDays", "forgetting.halfLifeGrowth", "forgetting.durableShare",
            "time.answersPerSession", "time.secondsPerAnswer", "time.sessionGapHours", "mastery.threshold",
            "run.budget", "run.maxAnswers", "run.queueSize"));

    public Profile {
        check(abilitySd >= 0 && topicSd >= 0 && difficultyNoiseSd >= 0 && learnRateSd >= 0, "standard deviations must be >= 0");
        check(!tracks.isEmpty(), "population.tracks names no track");
        check(prerequisiteCorrelation >= 0 && prerequisiteCorrelation < 1, "population.prerequisiteCorrelation must be in [0,1)");
        check(guessSingleChoice >= 0 && guessSingleChoice < 1 && guessMultiChoice >= 0 && guessMultiChoice < 1, "guessing must be in [0,1)");
        check(learnRate > 0, "learning.rate must be > 0");
        check(failureShare >= 0 && zpdFloor >= 0 && zpdFloor <= 1 && zpdWidth > 0, "learning.failureShare, zpdFloor in [0,1], zpdWidth > 0");
        check(zpdCentre > 0 && zpdCentre < 1, "learning.zpdCentre must be in (0,1)");
        check(prerequisiteStrength >= 0 && prerequisiteStrength <= 1, "prerequisites.strength must be in [0,1]");
        check(halfLifeDays > 0 && halfLifeGrowth >= 1 && durableShare >= 0 && durableShare <= 1, "forgetting: halfLifeDays > 0, halfLifeGrowth >= 1, durableShare in [0,1]");
        check(answersPerSession >= 1 && secondsPerAnswer > 0 && sessionGapHours >= 0, "time: answersPerSession >= 1, secondsPerAnswer > 0");
        check(masteryThreshold > 0 && masteryThreshold < 1, "mastery.threshold must be in (0,1)");
        check(budget >= 1 && maxAnswers >= budget && queueSize >= 1, "run: budget >= 1, maxAnswers >= budget, queueSize >= 1");
        tracks = List.copyOf(tracks);
    }

    public static Profile shipped(String name) {
        return parse(resource(name), name);
    }

    public static Profile load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties props = new Properties();
            props.load(reader);
            String fallback = file.getFileName().toString().replaceFirst("\\.properties$", "");
            return parse(props, fallback);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile " + file, e);
        }
    }

    static Profile parse(Properties props, String fallbackName) {
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(KEYS);
        check(unknown.isEmpty(), "unknown profile keys " + unknown + " (known: " + KEYS + ")");
        Map<String, String> v = new LinkedHashMap<>();
        Properties base = resource("baseline");
        base.stringPropertyNames().forEach(k -> v.put(k, base.getProperty(k)));
        props.stringPropertyNames().forEach(k -> v.put(k, props.getProperty(k).trim()));
        v.put("name", props.getProperty("name", fallbackName).trim());
        v.put("description", props.getProperty("description", "").trim());
        try {
            return new Profile(v.get("name"), v.getOrDefault("description", ""),
                    d(v, "population.abilityMean"), d(v, "population.abilitySd"), d(v, "population.topicSd"),
                    d(v, "population.prerequisiteCorrelation"),
                    Arrays.stream(v.get("population.tracks").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    d(v, "items.difficultyPerLevel"), d(v, "items.difficultyNoiseSd"), d(v, "items.guessSingleChoice"),
                    d(v, "items.guessMultiChoice"), d(v, "learning.rate"), d(v, "learning.rateSd"), d(v, "learning.failureShare"),
                    d(v, "learning.zpdCentre"), d(v, "learning.zpdWidth"), d(v, "learning.zpdFloor"),
                    d(v, "prerequisites.strength"), d(v, "forgetting.halfLifeDays"), d(v, "forgetting.halfLifeGrowth"),
                    d(v, "forgetting.durableShare"), i(v, "time.answersPerSession"), d(v, "time.secondsPerAnswer"),
                    d(v, "time.sessionGapHours"), d(v, "mastery.threshold"), i(v, "run.budget"), i(v, "run.maxAnswers"),
                    i(v, "run.queueSize"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("profile " + v.get("name") + ": " + e.getMessage(), e);
        }
    }

    /** The same profile with another answer budget (and at least as many answers run). */
    public Profile withBudget(int newBudget) {
        return new Profile(name, description, abilityMean, abilitySd, topicSd, prerequisiteCorrelation, tracks, difficultyPerLevel, difficultyNoiseSd,
                guessSingleChoice, guessMultiChoice, learnRate, learnRateSd, failureShare, zpdCentre, zpdWidth, zpdFloor,
                prerequisiteStrength, halfLifeDays, halfLifeGrowth, durableShare, answersPerSession, secondsPerAnswer,
                sessionGapHours, masteryThreshold, newBudget, Math.max(maxAnswers, newBudget), queueSize);
    }

    private static Properties resource(String name) {
        String path = "simulation/" + name + ".properties";
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped profile '" + name + "' (shipped: " + SHIPPED + ")");
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static double d(Map<String, String> v, String key) {
        String value = v.get(key);
        check(value != null, "profile is missing " + key);
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a number");
        }
    }

    private static int i(Map<String, String> v, String key) {
        String value = v.get(key);
        check(value != null, "profile is missing " + key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a whole number");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
