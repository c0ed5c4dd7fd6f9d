package dev.hone.events;

import java.util.regex.Pattern;

/**
 * The shape of every id in Hone's contract (learners, questions, events, cohorts, option ids):
 * printable, no spaces or slashes, 1-128 characters. One definition for every service.
 */
public final class Ids {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    /** What a client is told when an id breaks the shape. */
    public static final String RULE = "must be 1-128 characters of letters, digits and . _ : @ -";

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
