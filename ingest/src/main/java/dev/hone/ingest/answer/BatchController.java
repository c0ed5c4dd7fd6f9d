package dev.hone.ingest.answer;

import dev.hone.ingest.access.AnswerAccess;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code POST /api/v1/answers/batch}: up to {@link AnswerLimits#maxBatch()} answers in one
 * request, each with its own result. Items are read one by one ({@link BatchRequestReader}), so
 * an item of the wrong shape is rejected alone instead of failing the whole body.
 */
@RestController
@RequestMapping("/api/v1/answers/batch")
class BatchController {

    private final AnswerService answers;
    private final AnswerLimits limits;
    private final AnswerAccess access;

    BatchController(AnswerService answers, AnswerLimits limits, AnswerAccess access) {
        this.answers = answers;
        this.limits = limits;
        this.access = access;
    }

    record BatchResponse(int accepted, int rejected, List<BatchResult> results) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(@RequestBody BatchRequest body) {
        List<BatchRequest.Item> items = body.answers();
        if (items == null || items.isEmpty()) {
            throw new InvalidRequestException("answers", "must hold at least one answer");
        }
        if (items.size() > limits.maxBatch()) {
            throw new InvalidRequestException("answers", "holds " + items.size() + " answers; at most " + limits.maxBatch());
        }
        List<AnswerRequest> readable = new ArrayList<>(items.size());
        List<Integer> positions = new ArrayList<>(items.size());
        List<BatchResult> results = new ArrayList<>(items.size());
        Predicate<String> mayAnswerAs = access.rule();
        for (int i = 0; i < items.size(); i++) {
            BatchRequest.Item item = items.get(i);
            if (item instanceof BatchRequest.Answer answer) {
                if (mayAnswerAs.test(answer.request().learnerId())) {
                    readable.add(answer.request());
                    positions.add(i);
                    results.add(null); // filled in once recorded
                } else {
                    results.add(BatchResult.rejected(i, 403, List.of(new FieldError("learnerId", AnswerAccess.REASON))));
                }
            } else if (item instanceof BatchRequest.Unreadable unreadable) {
                results.add(BatchResult.rejected(i, 400, List.of(unreadable.why())));
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
}
