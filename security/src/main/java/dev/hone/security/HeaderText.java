package dev.hone.security;

/**
 * The firewall's rules for header names and values, checked by a loop over the text instead of
 * {@code StrictHttpFirewall}'s regular expressions: Spring Security validates a header each time
 * it is read, and a bearer token's header (some 300 characters) is read several times a request;
 * the regex matchers were 11% of what a single answer allocated in ingest and a few percent of
 * its CPU. The rules are the firewall's defaults, code point by code point: a name is made of
 * assigned, non-control characters ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}); a value may also
 * hold a tab ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: inside a class {@code |} is a literal,
 * and one allowed in names anyway).
 */
final class HeaderText {

    private HeaderText() {
    }

    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0, n = text.length(); i < n; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: every character of a usual header
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
