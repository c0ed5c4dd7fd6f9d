package dev.hone.ingest.answer;

import dev.hone.ingest.access.AnswerAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/answers}: 202 once the graded answer is stored in the event log. */
@RestController
@RequestMapping("/api/v1/answers")
class AnswerController {

    private final AnswerService answers;
    private final AnswerAccess access;

    AnswerController(AnswerService answers, AnswerAccess access) {
        this.answers = answers;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    AnswerAccepted answer(@RequestBody AnswerRequest request) {
        access.check(request.learnerId());
        return answers.record(request);
    }
}
