package dev.hone.security;

import dev.hone.events.Ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./hone token --role ROLE [--learner ID] [--cohort ID]... [--ttl 8h]}: prints a dev token on
 * its last line, signed with {@code HONE_DEV_TOKEN_SECRET} (the launcher passes the secret of
 * {@code ./hone up}). Exit code 2 with a message naming the argument on bad input.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, System.getenv("HONE_DEV_TOKEN_SECRET")));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("hone token: " + e.getMessage());
            System.err.println("usage: ./hone token --role learner|coach|product|admin [--learner ID] [--cohort ID]... [--ttl 8h]");
            System.exit(2);
        }
    }

    static String run(String[] args, String secret) {
        Role role = null;
        String learner = null;
        List<String> cohorts = new ArrayList<>();
        Duration ttl = Duration.ofHours(8);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> role = Role.fromClaim(required("--role", value))
                        .orElseThrow(() -> new IllegalArgumentException("--role: must be learner, coach, product or admin"));
                case "--learner" -> learner = required("--learner", value);
                case "--cohort" -> cohorts.add(required("--cohort", value));
                case "--ttl" -> ttl = ttl(required("--ttl", value));
                default -> throw new IllegalArgumentException(args[i] + ": unknown argument");
            }
            i++;
        }
        if (role == null) {
            throw new IllegalArgumentException("--role: required");
        }
        if (role == Role.LEARNER && learner == null) {
            throw new IllegalArgumentException("--learner: required for the learner role");
        }
        if (role == Role.COACH && cohorts.isEmpty()) {
            throw new IllegalArgumentException("--cohort: a coach needs at least one cohort");
        }
        return new DevTokenIssuer(secret).issue(role, learner, cohorts, ttl);
    }

    private static String required(String name, String value) {
        if (value == null || value.startsWith("--") || !Ids.isValid(value)) {
            throw new IllegalArgumentException(name + ": needs a value matching " + Ids.PATTERN);
        }
        return value;
    }

    private static Duration ttl(String value) {
        try {
            return Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl: must be like 30m, 8h or 1h30m");
        }
    }
}
