package dev.hone.catalog.grading;

import java.util.List;

/**
 * What a learner sent: a single value (an option id, or text) or a list of ids (options, or
 * rubric points covered). Which one a question expects depends on its kind.
 */
public record Response(String text, List<String> items) {

    public Response {
        items = items == null ? null : List.copyOf(items);
    }

    public static Response ofText(String text) {
        return new Response(text, null);
    }

    public static Response ofItems(List<String> items) {
        return new Response(null, items);
    }

    public boolean isList() {
        return items != null;
    }
}
