package dev.hone.catalog.check;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The fixture banks under src/test/resources: {@code valid/} and one {@code broken/<rule>/} per rule. */
final class Fixtures {

    private Fixtures() {
    }

    static Path bank(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture bank " + name, e);
        }
    }

    /** The problems of a broken fixture, checked without running snippets. */
    static List<String> problemsOf(String rule) {
        return check(bank("broken/" + rule), CheckOptions.defaults().withoutSnippets());
    }

    /** The problems of a broken fixture, with its code_output snippets run by python3. */
    static List<String> problemsRunningSnippetsOf(String rule) {
        return check(bank("broken/" + rule), CheckOptions.defaults());
    }

    static List<String> check(Path bank, CheckOptions options) {
        return new BankValidator(options).check(bank).problems().stream().map(Problem::toString).toList();
    }
}
