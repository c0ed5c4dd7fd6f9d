package dev.hone.ingest.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hone.ingest.access.AnswerAccess;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code POST /api/v1/answers/batch}: up to {@link AnswerLimits#maxBatch()} answers in one
 * request, each with its own result. Items are read one by one, so an item of the wrong shape
 * is rejected alone instead of failing the whole body.
 */
@RestController
@RequestMapping("/api/v1/answers/batch")
class BatchController {

    private final AnswerService answers;
    private final AnswerLimits limits;
    /** Reads one item; resolved once rather than per item as {@code treeToValue} would. */
    private final ObjectReader item;
    private final AnswerAccess access;

    BatchController(AnswerService answers, AnswerLimits limits, ObjectMapper json, AnswerAccess access) {
        this.answers = answers;
        this.limits = limits;
        this.item = json.readerFor(AnswerRequest.class);
        this.access = access;
    }

    record BatchRequest(List<JsonNode> answers) {
    }

    record BatchResponse(int accepted, int rejected, List<BatchResult> results) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(@RequestBody BatchRequest body) {
        if (body.answers() == null || body.answers().isEmpty()) {
            throw new InvalidRequestException("answers", "must hold at least one answer");
        }
        if (body.answers().size() > limits.maxBatch()) {
            throw new InvalidRequestException("answers", "holds " + body.answers().size() + " answers; at most " + limits.maxBatch());
        }
        List<AnswerRequest> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<BatchResult> results = new ArrayList<>(body.answers().size());
        Predicate<String> mayAnswerAs = access.rule();
        for (int i = 0; i < body.answers().size(); i++) {
            try {
                AnswerRequest answer = item.readValue(body.answers().get(i));
                if (answer == null) { // a JSON null in the list
                    results.add(BatchResult.rejected(i, 400, List.of(new FieldError("body", "is not an answer object"))));
                    continue;
                }
                if (!mayAnswerAs.test(answer.learnerId())) {
                    results.add(BatchResult.rejected(i, 403, List.of(new FieldError("learnerId", AnswerAccess.REASON))));
                    continue;
                }
                readable.add(answer);
                positions.add(i);
                results.add(null);
            } catch (IOException | IllegalArgumentException e) {
                results.add(BatchResult.rejected(i, 400, List.of(unreadable(e))));
            }
        }
        List<BatchResult> recorded = answers.recordAll(readable);
        for (int k = 0; k < recorded.size(); k++) {
            BatchResult r = recorded.get(k);
            int index = positions.get(k);
            results.set(index, new BatchResult(index, r.status(), r.eventId(), r.correct(), r.score(), r.errors()));
        }
        int accepted = (int) results.stream().filter(r -> r.status() == 202).count();
        return new BatchResponse(accepted, results.size() - accepted, results);
    }

    private static FieldError unreadable(Exception e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(unknown.getPropertyName(), "is not a field of an answer");
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            return new FieldError(mapping.getPath().get(0).getFieldName(), "has the wrong type or format");
        }
        return new FieldError("body", "is not an answer object");
    }
}
