package dev.hone.ingest.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hone.events.Ids;
import dev.hone.ingest.answer.AnswerAccepted;
import dev.hone.ingest.answer.AnswerRequest;
import dev.hone.ingest.answer.AnswerService;
import dev.hone.ingest.metrics.AnswerMetrics;
import dev.hone.ingest.metrics.AnswerMetrics.Reason;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * xAPI 1.0.3 statements resource. {@code POST} takes one statement or an array, all or nothing
 * (as the spec asks of a batch), through the same validation, grading and idempotency as
 * {@code POST /api/v1/answers}, and returns the array of statement ids. {@code GET ?agent=}
 * returns the learner's stored answers as statements (read from analytics' ClickHouse).
 */
@RestController
@RequestMapping("/xapi/statements")
class XapiController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(XapiController.class);

    /** Hone's answer fields as the statement paths a client wrote them in. */
    private static final Map<String, String> STATEMENT_PATHS = Map.of("eventId", "id", "learnerId", "actor",
            "questionId", "object.id", "response", "result.response", "responseMs", "result.duration", "answeredAt", "timestamp");

    private final AnswerService answers;
    private final StatementReader reader;
    private final AnswerHistoryClient history;
    private final XapiSettings settings;
    private final AnswerMetrics metrics;
    private final ObjectMapper json;

    XapiController(AnswerService answers, StatementReader reader, AnswerHistoryClient history, XapiSettings settings,
                   AnswerMetrics metrics, ObjectMapper json) {
        this.answers = answers;
        this.reader = reader;
        this.history = history;
        this.settings = settings;
        this.metrics = metrics;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<String>> store(@RequestHeader(name = Xapi.VERSION_HEADER, required = false) String version,
                                       @RequestBody JsonNode body, HttpServletResponse response) {
        response.setHeader(Xapi.VERSION_HEADER, Xapi.VERSION);
        checkVersion(version);
        boolean batch = body.isArray();
        List<JsonNode> statements = new ArrayList<>();
        (batch ? body : json.createArrayNode().add(body)).forEach(statements::add);
        if (statements.isEmpty() || statements.size() > settings.maxStatements()) {
            throw rejected(List.of(new FieldError("statements", "must hold 1 to " + settings.maxStatements() + " statements")));
        }
        List<AnswerRequest> requests = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementReader.Read read = reader.read(statements.get(i));
            String prefix = batch ? "[" + i + "]." : "";
            read.errors().forEach(e -> errors.add(new FieldError(prefix + e.field(), e.reason())));
            requests.add(read.answer());
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        List<AnswerAccepted> stored;
        try {
            stored = answers.recordTogether(requests);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.errors().stream().map(error -> inStatementTerms(error, batch)).toList());
        }
        return ResponseEntity.ok().header(Xapi.VERSION_HEADER, Xapi.VERSION).body(stored.stream().map(AnswerAccepted::eventId).toList());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> statements(@RequestHeader(name = Xapi.VERSION_HEADER, required = false) String version,
                                          @RequestParam(name = "agent") String agent,
                                          @RequestParam(name = "limit", defaultValue = "100") int limit,
                                          HttpServletResponse response) {
        response.setHeader(Xapi.VERSION_HEADER, Xapi.VERSION);
        checkVersion(version);
        JsonNode actor = parseAgent(agent);
        String learnerId = XapiAgents.learnerId(actor);
        if (learnerId == null || !Ids.isValid(learnerId)) {
            throw new InvalidRequestException("agent", learnerId == null ? XapiAgents.RULE : "names a learner id that " + Ids.RULE);
        }
        if (limit < 1 || limit > settings.maxStatements()) {
            throw new InvalidRequestException("limit", "must be between 1 and " + settings.maxStatements());
        }
        ObjectNode result = json.createObjectNode();
        var list = result.putArray("statements");
        history.answers(learnerId, limit).forEach(a -> list.add(StatementWriter.statement(a, actor, settings.activityBase())));
        result.put("more", "");
        return ResponseEntity.ok().header(Xapi.VERSION_HEADER, Xapi.VERSION).body(result);
    }

    @ExceptionHandler(AnswerHistoryClient.HistoryUnavailableException.class)
    ResponseEntity<ProblemDetail> historyUnavailable(AnswerHistoryClient.HistoryUnavailableException e) {
        log.warn("xAPI statements not served: {}", e.getMessage(), e.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "body: Hone's stored answers cannot be read right now; retry shortly");
        problem.setTitle("Statements unavailable");
        problem.setProperty("errors", List.of(new FieldError("body", "Hone's stored answers cannot be read right now; retry shortly")));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private JsonNode parseAgent(String agent) {
        try {
            return json.readTree(agent);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("agent", "must be a JSON Agent such as {\"account\":{\"homePage\":\"https://hone.dev\",\"name\":\"ada\"}}");
        }
    }

    private static void checkVersion(String version) {
        if (version == null || !version.matches("1\\.0(\\.\\d+)?")) {
            throw new InvalidRequestException(Xapi.VERSION_HEADER, "must be 1.0.x (Hone speaks xAPI " + Xapi.VERSION + ")");
        }
    }

    private InvalidRequestException rejected(List<FieldError> errors) {
        for (FieldError e : errors) {
            boolean unsupported = e.field().endsWith("verb.id") || e.field().endsWith("actor") || e.field().endsWith("objectType");
            boolean unknown = e.reason().startsWith("is not a property");
            metrics.rejected(e.field(), unsupported ? Reason.UNSUPPORTED_STATEMENT : unknown ? Reason.UNKNOWN_FIELD : Reason.INVALID);
        }
        return new InvalidRequestException(errors);
    }

    /** "[2].learnerId" -> "[2].actor" ("actor" for a single statement): a client is told about the statement it sent. */
    private static FieldError inStatementTerms(FieldError error, boolean batch) {
        String field = batch ? error.field() : error.field().replaceFirst("^\\[0]\\.", "");
        int dot = field.startsWith("[") ? field.indexOf("].") + 2 : 0;
        String prefix = field.substring(0, dot);
        String name = field.substring(dot).replaceAll("\\[\\d+]$", "");
        return new FieldError(prefix + STATEMENT_PATHS.getOrDefault(name, name), error.reason());
    }
}
