package dev.hone.catalog.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML file read into a Jackson tree that remembers where each node stands. Jackson's own
 * trees drop token locations, so the tree is built here from the streaming parser and each node
 * is keyed by its JSON pointer ({@code /questions/3/answer}).
 */
public final class YamlDocument {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern BLOCK_SCALAR = Pattern.compile("(^|[:-])\\s*[|>][-+0-9]*\\s*(#.*)?$");

    private final JsonNode root;
    private final Map<String, Integer> keyLines = new HashMap<>();
    private final Map<String, Integer> valueLines = new HashMap<>();
    private final Map<String, String> rawScalars = new HashMap<>();
    private final List<DuplicateKey> duplicateKeys = new ArrayList<>();
    private final String file;
    private final String[] sourceLines;

    private YamlDocument(String file, String text, JsonParser parser) throws IOException {
        this.file = file;
        this.sourceLines = text.split("\n", -1);
        JsonToken first = parser.nextToken();
        this.root = first == null ? NODES.nullNode() : read(parser, "");
    }

    /** Parses {@code text}; a syntax error becomes a {@link SyntaxError} carrying its line. */
    public static YamlDocument parse(String file, String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new YamlDocument(file, text, parser);
        } catch (JsonProcessingException e) {
            throw SyntaxError.of(file, e);
        } catch (IOException e) {
            throw new SyntaxError(file, 1, "cannot be read: " + e.getMessage());
        }
    }

    public JsonNode root() {
        return root;
    }

    public String file() {
        return file;
    }

    /** Same-named keys in one mapping: YAML parsers keep the last silently, which hides edits. */
    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** The line of a node: its key's line for a mapping value, its first token for an item. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = keyLines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The line on which a node's value starts (the {@code |} of a block scalar). */
    public int valueLine(String pointer) {
        Integer line = valueLines.get(pointer);
        return line == null ? line(pointer) : line;
    }

    /**
     * The file line on which line {@code index} (0-based) of a multi-line text value stands:
     * exact for block scalars ({@code |}, {@code >}), whose text starts on the next line.
     */
    public int textLine(String pointer, int index) {
        int start = valueLine(pointer);
        String source = start <= sourceLines.length ? sourceLines[start - 1] : "";
        boolean block = BLOCK_SCALAR.matcher(source).find();
        return start + index + (block ? 1 : 0);
    }

    /**
     * A scalar as written in the file. YAML reads {@code True} as a boolean and {@code 1.0} as a
     * number; for an expected output only the written text means anything.
     */
    public String rawText(String pointer, JsonNode node) {
        String raw = rawScalars.get(pointer);
        return raw != null ? raw : node.asText();
    }

    public static String child(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private JsonNode read(JsonParser parser, String pointer) throws IOException {
        JsonToken token = parser.currentToken();
        valueLines.putIfAbsent(pointer, lineOf(parser.currentTokenLocation()));
        switch (token) {
            case START_OBJECT:
                return readObject(parser, pointer);
            case START_ARRAY:
                return readArray(parser, pointer);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                rawScalars.put(pointer, parser.getText());
                return NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                rawScalars.put(pointer, parser.getText());
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                rawScalars.put(pointer, parser.getText());
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(parser.getText());
        }
    }

    private ObjectNode readObject(JsonParser parser, String pointer) throws IOException {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = lineOf(parser.currentTokenLocation());
            String childPointer = child(pointer, name);
            parser.nextToken();
            Integer first = seen.putIfAbsent(name, line);
            if (first != null) {
                duplicateKeys.add(new DuplicateKey(name, line, first));
                skip(parser);
                continue;
            }
            keyLines.put(childPointer, line);
            object.set(name, read(parser, childPointer));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String pointer) throws IOException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String childPointer = child(pointer, index++);
            keyLines.put(childPointer, lineOf(parser.currentTokenLocation()));
            array.add(read(parser, childPointer));
        }
        return array;
    }

    private static void skip(JsonParser parser) throws IOException {
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        }
    }

    private static int lineOf(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    /** A key that a mapping already had. */
    public record DuplicateKey(String name, int line, int firstLine) {
    }

    /** The file is not valid YAML; {@code line} is where the parser found the problem. */
    public static final class SyntaxError extends Exception {
        private final String file;
        private final int line;
        private final String reason;

        SyntaxError(String file, int line, String reason) {
            super(file + ":" + line + ": " + reason);
            this.file = file;
            this.line = line;
            this.reason = reason;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }

        /** Prefers SnakeYAML's problem mark: Jackson reports the context's line for some errors. */
        static SyntaxError of(String file, JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String what = e.getOriginalMessage();
            if (e.getCause() instanceof MarkedYAMLException marked) {
                if (marked.getProblemMark() != null) {
                    line = marked.getProblemMark().getLine() + 1;
                }
                what = marked.getProblem();
                if (marked.getContext() != null && marked.getContextMark() != null
                        && marked.getContextMark().getLine() + 1 != line) {
                    what = what + " (" + marked.getContext() + " at line " + (marked.getContextMark().getLine() + 1) + ")";
                }
            }
            String firstLine = what == null ? "unreadable" : what.lines().findFirst().orElse(what).strip();
            return new SyntaxError(file, line, "YAML syntax error: " + firstLine);
        }
    }
}
