package dev.hone.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PublicQuestionTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog bank = load();

    @Test
    void servesAChoiceQuestionWithoutItsKeyExplanationOrDistractorNotes() throws Exception {
        Question question = bank.question("core.gil.q02").orElseThrow();

        String served = JSON.writeValueAsString(question.withoutKey());

        assertThat(served).contains("\"options\":[{\"id\":\"a\"").contains("Choose all that apply")
                .doesNotContain("\"answer\"").doesNotContain("\"explanation\"").doesNotContain("\"why\"")
                .doesNotContain("holds the GIL").doesNotContain("\"references\"");
    }

    @Test
    void servesACodeOutputQuestionWithItsCodeButNotWhatItPrints() throws Exception {
        Question question = bank.question("core.gil.q04").orElseThrow();

        String served = JSON.writeValueAsString(question.withoutKey());

        assertThat(served).contains("print(0.1 + 0.2 == 0.3)").contains("\"kind\":\"code_output\"")
                .doesNotContain("False").doesNotContain("\"answer\"");
    }

    private static Catalog load() {
        try {
            return CatalogLoader.fromDirectory(Path.of(PublicQuestionTests.class.getResource("/valid").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
