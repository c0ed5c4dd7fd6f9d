package dev.hone.ingest.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.ingest.support.ApiClient.Request;
import dev.hone.testkit.TestTokens;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A seeded generator of requests that ingest must turn away with a 4xx problem: wrong types,
 * huge strings, deep JSON, bad UTF-8, injection strings, wrong content types, oversized
 * bodies, malformed JSON, values out of range, xAPI statements Hone does not take (and batches
 * where one bad statement hides among good ones), bad batches and bad query parameters.
 * Every request is built so that it is invalid by construction: a string field never gets a
 * number or boolean (Jackson would coerce it into a valid string), an injection string always
 * holds a character outside the id shape, and so on; forged, expired and malformed tokens, and a
 * learner's token used for another learner. Same seed, same requests.
 */
final class BadInputGenerator {

    /** One generated request and what kind of bad it is (for failure messages). */
    record Case(String kind, Request request) {
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE answers; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "../../../etc/passwd", "%00", "\u0000", "a\r\nSet-Cookie: x=1", "{{7*7}}",
            "$(rm -rf /)", "admin'--", "\" OR 1=1 --", "1; SELECT sleep(10)", "\u202eevil", "ada ", "ada/../bob",
            "🙂", "a".repeat(129), "<!--#exec cmd=\"ls\"-->", "\\x00\\x1b[31m", "learner?id=1&x=2", "*", "");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "image/png", "application/yaml");
    private static final List<String> POST_PATHS = List.of("/api/v1/answers", "/api/v1/answers/batch", "/xapi/statements");
    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    private static final Map<String, String> XAPI = Map.of("X-Experience-API-Version", "1.0.3");

    private final Random random;
    private final String run;
    private final int maxBody;
    private final Question single;
    private final String key;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final List<Supplier<Case>> kinds = List.of(this::wrongType, this::hugeString, this::deepJson, this::badUtf8,
            this::injection, this::wrongContentType, this::oversized, this::malformedJson, this::outOfRange,
            this::badStatement, this::badBatch, this::badQuery, this::wrongMethod, this::badToken, this::otherLearner);

    BadInputGenerator(long seed, Catalog catalog, int maxBody) {
        this.random = new Random(seed);
        this.run = Long.toHexString(seed);
        this.maxBody = maxBody;
        this.single = catalog.questions().stream().filter(q -> q.kind() == QuestionKind.SINGLE_CHOICE).findFirst().orElseThrow();
        this.key = single.answer().keyedOptionIds().get(0);
    }

    /** The i-th case: kinds take turns, so every kind is well represented in any count. */
    Case next(int i) {
        return kinds.get(i % kinds.size()).get();
    }

    /** A valid answer with a token that is forged, expired, garbage or of the wrong scheme: 401. */
    private Case badToken() {
        String authorization = pick(List.of("Bearer " + TestTokens.forged(), "Bearer " + TestTokens.expired(), "Bearer not.a.jwt",
                "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer " + "x".repeat(5000)));
        return new Case("bad token", Request.json("POST", "/api/v1/answers", answer().toString())
                .withHeaders(Map.of("Authorization", authorization)));
    }

    /** A valid answer posted with a learner's token for another learner's id: 403. */
    private Case otherLearner() {
        ObjectNode answer = answer();
        String path = pick(List.of("/api/v1/answers", "/api/v1/learners/" + answer.get("learnerId").asText() + "/queue"));
        Request request = path.endsWith("/queue") ? new Request("GET", path, null, null, false, Map.of())
                : Request.json("POST", path, answer.toString());
        return new Case("other learner", request.withHeaders(Map.of("Authorization", "Bearer " + TestTokens.learner("someone-else-" + run))));
    }

    /** A valid answer for a learner of this run; each case breaks it in one way. */
    private ObjectNode answer() {
        ObjectNode answer = nodes.objectNode();
        answer.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        answer.put("learnerId", "bad-" + run + "-" + random.nextInt(1000));
        answer.put("questionId", single.id());
        answer.put("response", key);
        answer.put("responseMs", 1 + random.nextInt(60_000));
        return answer;
    }

    private Case post(String kind, String path, ObjectNode body) {
        return post(kind, path, body.toString());
    }

    private Case post(String kind, String path, String body) {
        Request request = Request.json("POST", path, body);
        return new Case(kind, path.startsWith("/xapi") ? request.withHeaders(XAPI) : request);
    }

    private Case wrongType() {
        ObjectNode answer = answer();
        String field = pick(List.of("learnerId", "questionId", "eventId", "responseMs", "answeredAt", "response"));
        List<Supplier<com.fasterxml.jackson.databind.JsonNode>> values = switch (field) {
            // not "" or a boolean: Jackson may coerce those into a null or a number
            case "responseMs" -> List.of(() -> nodes.textNode("slow"), nodes::objectNode, () -> nodes.arrayNode().add(1),
                    () -> nodes.textNode("12 minutes"));
            case "answeredAt" -> List.of(() -> nodes.textNode("yesterday"), () -> nodes.booleanNode(true), nodes::objectNode,
                    () -> nodes.textNode("2026-13-45T99:00:00Z"), () -> nodes.arrayNode());
            case "response" -> List.of(() -> nodes.numberNode(42), () -> nodes.booleanNode(false), nodes::objectNode,
                    () -> nodes.arrayNode().add(nodes.objectNode()), () -> nodes.arrayNode().add(7), nodes::nullNode);
            // strings: never a number or boolean, which Jackson would coerce into a valid string
            default -> List.of(nodes::objectNode, nodes::arrayNode, () -> nodes.arrayNode().add("ada"),
                    () -> nodes.objectNode().put("$ne", 1));
        };
        answer.set(field, pick(values).get());
        return post("wrong type: " + field, "/api/v1/answers", answer);
    }

    private Case hugeString() {
        ObjectNode answer = answer();
        String field = pick(List.of("learnerId", "questionId", "eventId", "response"));
        int length = field.equals("response") ? 10_001 + random.nextInt(maxBody - 10_300) : 129 + random.nextInt(maxBody - 400);
        answer.put(field, letters(length));
        return post("huge string: " + field + " (" + length + ")", "/api/v1/answers", answer);
    }

    private Case deepJson() {
        int depth = 33 + random.nextInt(3000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(depth);
        String path = pick(POST_PATHS);
        String body = switch (random.nextInt(3)) {
            case 0 -> answer().toString().replaceFirst("\"response\":\"[^\"]*\"", "\"response\":" + java.util.regex.Matcher.quoteReplacement(deep));
            case 1 -> "{\"answers\":[" + deep + "]}";
            default -> deep;
        };
        return post("deep JSON (" + depth + ")", path, body);
    }

    private Case badUtf8() {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
        ObjectNode answer = answer();
        String field = pick(List.of("learnerId", "response", "questionId"));
        answer.put(field, "MARK");
        String text = answer.toString();
        int at = text.indexOf("MARK");
        var out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.writeBytes(text.substring(at + 4).getBytes(StandardCharsets.UTF_8));
        return new Case("bad UTF-8 in " + field, new Request("POST", "/api/v1/answers", "application/json", out.toByteArray(), false, Map.of()));
    }

    private Case injection() {
        ObjectNode answer = answer();
        String field = pick(List.of("learnerId", "questionId", "eventId", "response"));
        String value = pick(INJECTIONS);
        answer.put(field, value);
        return post("injection in " + field, "/api/v1/answers", answer);
    }

    private Case wrongContentType() {
        String path = pick(POST_PATHS);
        String type = random.nextInt(10) == 0 ? null : pick(WRONG_CONTENT_TYPES);
        byte[] body = answer().toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = path.startsWith("/xapi") ? XAPI : Map.of();
        return new Case("content type " + type + " on " + path, new Request("POST", path, type, body, false, headers));
    }

    private Case oversized() {
        String path = pick(POST_PATHS);
        int size = maxBody + 1 + random.nextInt(maxBody);
        String body = "{\"learnerId\":\"ada\",\"questionId\":\"" + single.id() + "\",\"response\":\"" + letters(size) + "\"}";
        boolean chunked = random.nextBoolean();
        Request request = new Request("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), chunked,
                path.startsWith("/xapi") ? XAPI : Map.of());
        return new Case("oversized " + (chunked ? "chunked " : "") + "body on " + path, request);
    }

    private Case malformedJson() {
        String valid = answer().toString();
        String body = switch (random.nextInt(10)) {
            case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 2));
            case 1 -> valid + " " + pick(List.of("{}", "[]", "1", "x", valid));
            case 2 -> valid.replaceFirst("\\{", "{\"learnerId\":\"dup-" + run + "\",");
            case 3 -> valid.replace('"', '\'');
            case 4 -> valid.replaceFirst("\"responseMs\":\\d+", "\"responseMs\":NaN");
            case 5 -> "/* comment */" + valid;
            case 6 -> "";
            case 7 -> pick(List.of("null", "[]", "\"answer\"", "42", "true", "{", "}", "[{]"));
            case 8 -> valid.replace(":", "=");
            default -> new String(randomBytes(1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
        };
        return post("malformed JSON", pick(List.of("/api/v1/answers", "/api/v1/answers", "/api/v1/answers/batch")), body);
    }

    private Case outOfRange() {
        ObjectNode answer = answer();
        String what;
        switch (random.nextInt(8)) {
            case 0 -> {
                what = "negative responseMs";
                answer.put("responseMs", -1 - (long) random.nextInt(Integer.MAX_VALUE));
            }
            case 1 -> {
                what = "responseMs over 24 h";
                answer.put("responseMs", 86_400_001L + random.nextInt(Integer.MAX_VALUE));
            }
            case 2 -> {
                what = "answeredAt in the future";
                answer.put("answeredAt", Instant.now().plus(Duration.ofMinutes(10 + random.nextInt(5_000_000))).toString());
            }
            case 3 -> {
                what = "answeredAt too old";
                answer.put("answeredAt", Instant.now().minus(Duration.ofDays(31 + random.nextInt(20_000))).toString());
            }
            case 4 -> {
                what = "unknown question";
                answer.put("questionId", "no.such.q" + random.nextInt(1_000_000));
            }
            case 5 -> {
                what = "unknown field";
                answer.put(pick(List.of("colour", "correct", "score", "isAdmin", "__proto__", "learner_id")), "x");
            }
            case 6 -> {
                what = "empty or unknown option";
                answer.put("response", pick(List.of("", "zz", "a b", "option-that-is-not-there")));
            }
            default -> {
                what = "too many ids";
                ArrayNode ids = answer.putArray("response");
                for (int i = 0; i < 21 + random.nextInt(200); i++) {
                    ids.add("o" + i);
                }
            }
        }
        return post("out of range: " + what, "/api/v1/answers", answer);
    }

    private Case badStatement() {
        String learner = "bad-" + run + "-x" + random.nextInt(1000);
        ObjectNode statement = statement(learner);
        String what;
        switch (random.nextInt(12)) {
            case 0 -> {
                what = "another verb";
                statement.putObject("verb").put("id", pick(List.of("http://adlnet.gov/expapi/verbs/experienced",
                        "http://adlnet.gov/expapi/verbs/completed", "https://example.com/verbs/hacked", "")));
            }
            case 1 -> {
                what = "a group actor";
                statement.putObject("actor").put("objectType", "Group").putArray("member");
            }
            case 2 -> {
                what = "an unidentified actor";
                statement.putObject("actor").put(pick(List.of("mbox_sha1sum", "openid", "name")), "x");
            }
            case 3 -> {
                what = "a foreign activity";
                statement.putObject("object").put("id", pick(List.of("https://example.com/q/1", "urn:x", "", "https://hone.dev/questions/")));
            }
            case 4 -> {
                what = "a bad duration";
                ((ObjectNode) statement.get("result")).put("duration", pick(List.of("five seconds", "P1Y", "-PT5S", "PT", "5")));
            }
            case 5 -> {
                what = "a bad timestamp";
                statement.put("timestamp", pick(List.of("yesterday", "2026-11-28", "2026-11-28T10:00:00", "0")));
            }
            case 6 -> {
                what = "an unknown property";
                statement.put(pick(List.of("score", "learner", "verbs", "__proto__")), 1);
            }
            case 7 -> {
                what = "a statement id that is not a UUID";
                statement.put("id", pick(INJECTIONS));
            }
            case 8 -> {
                what = "no result";
                statement.remove("result");
            }
            case 9 -> {
                what = "no version header";
                return new Case("xAPI: " + what, Request.json("POST", "/xapi/statements", statement.toString())
                        .withHeaders(Map.of("X-Experience-API-Version", pick(List.of("2.0.0", "0.95", "x", "1.0.3; DROP"))))) ;
            }
            case 10 -> {
                what = "an empty batch";
                return post("xAPI: " + what, "/xapi/statements", "[]");
            }
            default -> {
                // all or nothing: the valid statements around the bad one must not be stored either
                what = "one bad statement among good ones";
                ArrayNode batch = nodes.arrayNode();
                int size = 2 + random.nextInt(5);
                int bad = random.nextInt(size);
                for (int i = 0; i < size; i++) {
                    ObjectNode s = statement(learner);
                    if (i == bad) {
                        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/attempted");
                    }
                    batch.add(s);
                }
                return post("xAPI: " + what, "/xapi/statements", batch.toString());
            }
        }
        return post("xAPI: " + what, "/xapi/statements", statement);
    }

    private ObjectNode statement(String learner) {
        ObjectNode statement = nodes.objectNode();
        statement.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        statement.putObject("actor").put("objectType", "Agent").putObject("account").put("homePage", "https://hone.dev").put("name", learner);
        statement.putObject("verb").put("id", ANSWERED);
        statement.putObject("object").put("objectType", "Activity").put("id", "https://hone.dev/questions/" + single.id());
        statement.putObject("result").put("response", key).put("duration", "PT" + (1 + random.nextInt(60)) + "S");
        return statement;
    }

    private Case badBatch() {
        String body = switch (random.nextInt(5)) {
            case 0 -> {
                ArrayNode items = nodes.arrayNode();
                ObjectNode item = nodes.objectNode().put("learnerId", "b").put("questionId", "q").put("response", "a");
                for (int i = 0; i < 501; i++) {
                    items.add(item);
                }
                yield nodes.objectNode().set("answers", items).toString();
            }
            case 1 -> "{\"answers\":[]}";
            case 2 -> "{\"answers\":" + pick(List.of("\"all\"", "42", "{}", "null", "true")) + "}";
            case 3 -> "[" + answer() + "]";
            default -> "{\"answers\":[" + answer() + "],\"extra\":1}";
        };
        return post("bad batch", "/api/v1/answers/batch", body);
    }

    private Case badQuery() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean()
                    ? new Case("bad n", get("/api/v1/learners/bad-" + run + "/queue?n="
                            + pick(List.of("0", "51", "-1", "abc", "99999999999", "1e3", "%27%20OR%201%3D1"))))
                    : new Case("bad topic", get("/api/v1/learners/bad-" + run + "/queue?topic="
                            + java.net.URLEncoder.encode(pick(INJECTIONS), StandardCharsets.UTF_8)));
            case 1 -> new Case("bad agent", get("/xapi/statements?agent=" + java.net.URLEncoder.encode(pick(List.of("ada", "{}",
                    "{\"objectType\":\"Group\"}", "{\"account\":{\"name\":\"a b\"}}", "{\"mbox\":\"ada@example.com\"}",
                    "{\"account\":{\"name\":\"" + pick(INJECTIONS) + "\"}}", "[", "null")), StandardCharsets.UTF_8), XAPI));
            case 2 -> new Case("bad limit", get("/xapi/statements?limit=" + pick(List.of("0", "501", "x"))
                    + "&agent=%7B%22account%22%3A%7B%22homePage%22%3A%22h%22%2C%22name%22%3A%22ada%22%7D%7D", XAPI));
            default -> new Case("no agent or version", get("/xapi/statements" + pick(List.of("", "?agent=%7B%7D")), Map.of()));
        };
    }

    private Case wrongMethod() {
        String[] pair = pick(List.of(new String[]{"PUT", "/api/v1/answers"}, new String[]{"DELETE", "/api/v1/answers/batch"},
                new String[]{"GET", "/api/v1/answers"}, new String[]{"DELETE", "/xapi/statements"}, new String[]{"PATCH", "/api/v1/answers"}));
        return new Case("method " + pair[0] + " " + pair[1], new Request(pair[0], pair[1], "application/json",
                answer().toString().getBytes(StandardCharsets.UTF_8), false, Map.of()));
    }

    private static Request get(String path) {
        return get(path, Map.of());
    }

    private static Request get(String path, Map<String, String> headers) {
        return new Request("GET", path, null, null, false, headers);
    }

    private String letters(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
