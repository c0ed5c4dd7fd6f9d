package dev.hone.ingest.answer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hone.ingest.web.BodyTooLargeException;
import dev.hone.ingest.web.FieldError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch body straight from the stream, binding each item as it comes, where it was once
 * read whole into a tree and each item bound from that (10% of the batch path). An item that
 * does not bind (wrong type, unknown field) becomes that item's error and the reader skips to the
 * next one; a body that is not JSON at all still fails whole, before anything is graded or sent.
 */
final class BatchRequestReader extends StdDeserializer<BatchRequest> implements ResolvableDeserializer {

    private static final String ANSWERS = "answers";
    private static final FieldError NOT_AN_ANSWER = new FieldError("body", "is not an answer object");

    /** The data-binding reader of one answer, found once rather than per item. */
    private JsonDeserializer<Object> answer;

    BatchRequestReader() {
        super(BatchRequest.class);
    }

    /**
     * Jackson keeps a deserializer only when it says so, and a {@link StdDeserializer} does not: through Spring's
     * handler instantiator every request then made a new reader as a Spring bean (bean post-processors and all) when
     * MVC asked whether the body can be read (3% of the batch path). Holding only what {@link #resolve} found, it can
     * be kept.
     */
    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        answer = ctxt.findRootValueDeserializer(ctxt.constructType(AnswerRequest.class));
    }

    @Override
    public BatchRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartObjectToken()) {
            return (BatchRequest) ctxt.handleUnexpectedToken(BatchRequest.class, p);
        }
        List<BatchRequest.Item> answers = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (!field.equals(ANSWERS)) {
                ctxt.handleUnknownProperty(p, this, BatchRequest.class, field); // refuses it (fail-on-unknown-properties)
            } else if (value == JsonToken.VALUE_NULL) {
                answers = null;
            } else if (value == JsonToken.START_ARRAY) {
                answers = items(p, ctxt);
            } else {
                throw JsonMappingException.wrapWithPath(
                        ctxt.wrongTokenException(p, List.class, JsonToken.START_ARRAY, "a list of answers"), BatchRequest.class, ANSWERS);
            }
        }
        return new BatchRequest(answers);
    }

    private List<BatchRequest.Item> items(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonStreamContext list = p.getParsingContext();
        List<BatchRequest.Item> items = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                items.add(new BatchRequest.Unreadable(NOT_AN_ANSWER));
                continue;
            }
            try {
                AnswerRequest read = (AnswerRequest) answer.deserialize(p, ctxt);
                // null only if the JSON settings let an empty string or list stand for no object
                items.add(read != null ? new BatchRequest.Answer(read) : new BatchRequest.Unreadable(NOT_AN_ANSWER));
            } catch (JsonMappingException | IllegalArgumentException e) {
                rethrowIfTheBodyFailed(e);
                items.add(new BatchRequest.Unreadable(unreadable(e)));
                skipRestOfItem(p, list);
            }
        }
        return items;
    }

    /**
     * Data binding wraps whatever fails inside a field in a mapping error with that field's path. When the failure is
     * the body's, not the item's (not JSON, nested too deep, over the size limit, the connection failing), the whole
     * request fails as it did when the body was read into a tree first. A number out of range
     * ({@code InputCoercionException}) or a bad instant stays the item's error.
     */
    private static void rethrowIfTheBodyFailed(Exception e) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException || t instanceof StreamConstraintsException) {
                throw (JsonProcessingException) t;
            }
            if (t instanceof BodyTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (t instanceof IOException io && !(t instanceof JacksonException)) {
                throw io;
            }
        }
    }

    /** After a failed item, reads on to that item's end, wherever inside it binding stopped. */
    private static void skipRestOfItem(JsonParser p, JsonStreamContext list) throws IOException {
        while (p.getParsingContext() != list) {
            if (p.nextToken() == null) {
                throw new JsonEOFException(p, null, "the body ended inside an answer");
            }
        }
    }

    private static FieldError unreadable(Exception e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(unknown.getPropertyName(), "is not a field of an answer");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && mapping.getPath().get(0).getFieldName() != null) {
            return new FieldError(mapping.getPath().get(0).getFieldName(), "has the wrong type or format");
        }
        return NOT_AN_ANSWER;
    }
}
