package dev.hone.ingest.answer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hone.ingest.web.FieldError;
import org.junit.jupiter.api.Test;
import dev.hone.ingest.web.JsonConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch body read as a stream: each item bound on its own, a broken body refused whole. Read
 * with ingest's own JSON settings (application.yml's {@code spring.jackson} and {@link JsonConfig}'s
 * depth limit), through Boot's JSON test slice.
 */
@JsonTest
@Import(JsonConfig.class)
class BatchRequestReaderTests {

    private static final String GOOD = "{\"learnerId\":\"ada\",\"questionId\":\"core.gil.q01\",\"response\":\"a\"}";

    @Autowired
    ObjectMapper json;

    @Test
    void readsEveryItemOfAWellFormedBatch() throws IOException {
        BatchRequest batch = read("{\"answers\":[" + GOOD + ",{\"eventId\":\"e1\",\"learnerId\":\"bo\",\"questionId\":\"q\","
                + "\"response\":[\"a\",\"b\"],\"answeredAt\":\"2026-11-28T10:15:30Z\",\"responseMs\":1200}]}");

        assertThat(batch.answers()).hasSize(2).allSatisfy(item -> assertThat(item).isInstanceOf(BatchRequest.Answer.class));
        AnswerRequest second = answer(batch, 1);
        assertThat(second.eventId()).isEqualTo("e1");
        assertThat(second.response().size()).isEqualTo(2);
        assertThat(second.answeredAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30Z"));
        assertThat(second.responseMs()).isEqualTo(1200L);
    }

    @Test
    void anItemThatDoesNotBindIsThatItemsErrorAndTheNextItemsStillRead() throws IOException {
        BatchRequest batch = read("{\"answers\":["
                + "{\"learnerId\":\"ada\",\"colour\":{\"deep\":[1,{\"x\":2}]},\"questionId\":\"q\",\"response\":\"a\"}," // unknown field, nested
                + GOOD + ","
                + "{\"learnerId\":\"ada\",\"answeredAt\":{\"when\":[\"soon\"]},\"questionId\":\"q\",\"response\":\"a\"}," // wrong type, nested
                + "{\"learnerId\":\"ada\",\"questionId\":\"q\",\"response\":\"a\",\"responseMs\":\"slow\"}," // wrong type, last field
                + "[1,[2,{\"learnerId\":\"x\"}]]," // not an object
                + "42,\"text\",null,"
                + "{\"learnerId\":\"ada\",\"questionId\":\"q\",\"response\":\"a\",\"responseMs\":99999999999999999999}," // out of range
                + "{\"learnerId\":\"ada\",\"questionId\":\"q\",\"answeredAt\":\"yesterday\",\"response\":\"a\"}," // not an instant
                + GOOD + "]}");

        assertThat(batch.answers()).extracting(item -> item instanceof BatchRequest.Unreadable u ? u.why().field() : null)
                .containsExactly("colour", null, "answeredAt", "responseMs", "body", "body", "body", "body", "responseMs", "answeredAt", null);
        assertThat(batch.answers().get(0)).isEqualTo(new BatchRequest.Unreadable(new FieldError("colour", "is not a field of an answer")));
        assertThat(batch.answers().get(7)).isEqualTo(new BatchRequest.Unreadable(new FieldError("body", "is not an answer object"))); // a JSON null
        assertThat(answer(batch, 1).learnerId()).isEqualTo("ada");
        assertThat(answer(batch, 10).questionId()).isEqualTo("core.gil.q01");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWholeEvenWhenTheBreakIsInsideAnItem() {
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD + ",{\"learnerId\":\"ada\",\"answeredAt\":{\"x\":tru}}]}"))
                .isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD + ",{\"learnerId\":\"ada\",\"colour\":[1,}]}"))
                .isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD + ",{\"learnerId\":\"ada\",\"learnerId\":\"bo\"}]}"))
                .isInstanceOf(JsonParseException.class); // a duplicate field
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD)).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD + "]} {}")).isInstanceOf(MismatchedInputException.class); // trailing document
        assertThatThrownBy(() -> read("{\"answers\":[{\"learnerId\":\"ada\",\"colour\":" + "[".repeat(40) + "]".repeat(40) + "}]}"))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void theBodysOwnShapeIsChecked() throws IOException {
        assertThat(read("{\"answers\":null}").answers()).isNull();
        assertThat(read("{}").answers()).isNull();
        assertThat(read("{\"answers\":[]}").answers()).isEmpty();
        assertThatThrownBy(() -> read("{\"answers\":[" + GOOD + "],\"extra\":1}"))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class, e -> assertThat(e.getPropertyName()).isEqualTo("extra"));
        for (String notAList : List.of("\"all\"", "42", "{}", "true")) {
            assertThatThrownBy(() -> read("{\"answers\":" + notAList + "}")).as(notAList)
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                        assertThat(e.getPath()).extracting(ref -> ref.getFieldName()).containsExactly("answers");
                        assertThat(e.getTargetType()).isEqualTo(List.class);
                    });
        }
        assertThatThrownBy(() -> read("[" + GOOD + "]")).isInstanceOf(MismatchedInputException.class);
    }

    private static AnswerRequest answer(BatchRequest batch, int index) {
        assertThat(batch.answers().get(index)).isInstanceOf(BatchRequest.Answer.class);
        return ((BatchRequest.Answer) batch.answers().get(index)).request();
    }

    private BatchRequest read(String body) throws IOException {
        return json.readValue(body, BatchRequest.class);
    }
}
