package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementWriterTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesAStoredAnswerAsAnAnsweredStatementWithItsEventId() throws Exception {
        var answer = json.readTree("""
                {"eventId":"e-1","questionId":"core.gil.q02","kind":"multi_choice","correct":false,"score":0.5,
                 "chosenOptions":["a","c"],"responseMs":5200,"answeredAt":"2026-11-28T10:15:30Z","recordedAt":"2026-11-28T10:15:31Z"}""");
        var actor = json.readTree("{\"account\":{\"homePage\":\"https://hone.dev\",\"name\":\"ada\"}}");

        var statement = StatementWriter.statement(answer, actor, "https://hone.dev/questions/");

        assertThat(statement.path("id").asText()).isEqualTo("e-1");
        assertThat(statement.path("actor")).isEqualTo(actor);
        assertThat(statement.path("verb").path("id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/answered");
        assertThat(statement.path("object").path("id").asText()).isEqualTo("https://hone.dev/questions/core.gil.q02");
        assertThat(statement.path("result").path("success").asBoolean()).isFalse();
        assertThat(statement.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.5);
        assertThat(statement.path("result").path("response").asText()).isEqualTo("a[,]c");
        assertThat(statement.path("result").path("duration").asText()).isEqualTo("PT5.2S");
        assertThat(statement.path("timestamp").asText()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(statement.path("stored").asText()).isEqualTo("2026-11-28T10:15:31Z");
    }
}
