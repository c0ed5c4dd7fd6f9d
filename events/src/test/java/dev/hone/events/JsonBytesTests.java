package dev.hone.events;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBytesTests {

    @Test
    void eventsWrittenOneAfterAnotherEachStandAlone() {
        for (int i = 0; i < 1_000; i++) {
            int n = i;

            byte[] json = JsonBytes.object(Object.class, "t", 16, g -> {
                g.writeNumberField("n", n);
                g.writeStringField("s", "x".repeat(n % 50));
            });

            assertThat(text(json)).isEqualTo("{\"n\":" + n + ",\"s\":\"" + "x".repeat(n % 50) + "\"}");
        }
    }

    @Test
    void anEventWrittenWhileWritingAnotherComesOutWhole() {
        byte[] outer = JsonBytes.object(Object.class, "t", 16, g -> {
            byte[] inner = JsonBytes.object(Object.class, "t", 16, h -> h.writeStringField("inner", "yes"));
            g.writeStringField("outer", text(inner));
        });

        assertThat(text(outer)).isEqualTo("{\"outer\":\"{\\\"inner\\\":\\\"yes\\\"}\"}");
    }

    @Test
    void aFailedEventIsRefusedNamingTypeAndTopicAndTheNextComesOutWhole() {
        assertThatThrownBy(() -> JsonBytes.object(Object.class, "hone.mastery.v1", 16, g -> {
            g.writeStringField("half", "written");
            throw new IOException("disk on fire");
        })).isInstanceOf(SerializationException.class).hasMessageContaining("Object").hasMessageContaining("hone.mastery.v1");

        byte[] next = JsonBytes.object(Object.class, "t", 16, g -> g.writeNumberField("n", 1));

        assertThat(text(next)).isEqualTo("{\"n\":1}");
    }

    @Test
    void anEventAfterAnErrorMidEventComesOutWhole() {
        assertThatThrownBy(() -> JsonBytes.object(Object.class, "t", 16, g -> {
            g.writeStringField("half", "x");
            g.writeFieldName("k");
            throw new StackOverflowError("deep");
        })).isInstanceOf(StackOverflowError.class);

        byte[] next = JsonBytes.object(Object.class, "t", 16, g -> g.writeNumberField("n", 1));

        assertThat(text(next)).isEqualTo("{\"n\":1}");
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
