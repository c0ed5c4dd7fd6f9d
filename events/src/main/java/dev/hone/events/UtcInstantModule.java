package dev.hone.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Instants in front of the JavaTimeModule's: the canonical UTC text ({@link UtcInstantText}) is read and written
 * directly, everything else (an offset, a number, a {@code @JsonFormat}, timestamps turned on) goes to the
 * JavaTimeModule's serializer and deserializer, so the JSON and what is accepted stay exactly theirs.
 * Registered after the JavaTimeModule, whose instant handlers it then shadows.
 */
final class UtcInstantModule extends SimpleModule {

    UtcInstantModule() {
        super("hone-utc-instants");
        addDeserializer(Instant.class, new Reader(InstantDeserializer.INSTANT));
        addSerializer(Instant.class, new Writer(InstantSerializer.INSTANCE));
    }

    private static final class Reader extends StdScalarDeserializer<Instant> implements ContextualDeserializer {

        private final InstantDeserializer<Instant> fallback;

        Reader(InstantDeserializer<Instant> fallback) {
            super(Instant.class);
            this.fallback = fallback;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = UtcInstantText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (instant != null) {
                    return instant;
                }
            }
            return fallback.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<?> contextual = fallback.createContextual(ctxt, property);
            return contextual == fallback ? this : contextual; // a property with its own format is the JavaTimeModule's
        }
    }

    private static final class Writer extends StdSerializer<Instant> implements ContextualSerializer {

        private final InstantSerializer fallback;

        Writer(InstantSerializer fallback) {
            super(Instant.class);
            this.fallback = fallback;
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : UtcInstantText.format(value);
            if (text != null) {
                gen.writeString(text);
            } else {
                fallback.serialize(value, gen, provider);
            }
        }

        @Override
        public void serializeWithType(Instant value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
            fallback.serializeWithType(value, gen, provider, typeSer);
        }

        /**
         * Itself where no format applies: the JavaTimeModule's serializer always answers a new instance here (a
         * property's format has the shape ANY, never null), so comparing with it would never keep the fast path.
         */
        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
            // a shape and nothing else (no pattern, locale, zone, leniency or feature): Value.equals compares them all
            boolean plain = format == null || ((format.getShape() == JsonFormat.Shape.ANY || format.getShape() == JsonFormat.Shape.STRING)
                    && format.equals(JsonFormat.Value.forShape(format.getShape())));
            return plain ? this : fallback.createContextual(provider, property);
        }
    }
}
