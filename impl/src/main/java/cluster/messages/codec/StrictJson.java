package cluster.messages.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small strict JSON reader (RFC 8259 values into Map/List/String/BigDecimal/Boolean/NULL)
 * used to check Chronicle's JSON decoding. Chronicle's JSON reader is lenient: a field it cannot
 * parse becomes its default ({@code "msgId":"abc"} reads as 0, {@code 1.5} as 1, a missing field
 * as 0). {@link JsonEnvelopeCodec} therefore re-encodes what Chronicle decoded and requires the
 * two trees to be equal, which rejects every such silent repair.
 */
final class StrictJson {

    /** JSON null (a Map cannot hold Java null in every implementation we compare with). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Parses one JSON value filling the whole text (surrounding whitespace allowed). */
    static Object parse(String text) {
        StrictJson p = new StrictJson(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("text after the JSON value");
        }
        return value;
    }

    /** The path of the first difference between two parsed trees, or null if they are equal. */
    static String firstDifference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                if (!a.containsKey(entry.getKey())) {
                    return path + "." + entry.getKey() + " (missing)";
                }
                String d = firstDifference(entry.getValue(), a.get(entry.getKey()), path + "." + entry.getKey());
                if (d != null) {
                    return d;
                }
            }
            for (Object key : a.keySet()) {
                if (!e.containsKey(key)) {
                    return path + "." + key + " (not a field of the message)";
                }
            }
            return null;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return path + " (" + a.size() + " items, expected " + e.size() + ")";
            }
            for (int i = 0; i < e.size(); i++) {
                String d = firstDifference(e.get(i), a.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (isTaggedEnumText(expected) && ((Map<?, ?>) expected).containsValue(actual)) {
            return null; // "RUNNING" for {"@ExecutorState":"RUNNING"}: the tag is optional for enums
        }
        return Objects.equals(expected, actual) ? null : path + " (" + actual + ", read as " + expected + ")";
    }

    private static boolean isTaggedEnumText(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1
                && m.keySet().iterator().next() instanceof String tag && tag.startsWith("@")
                && m.values().iterator().next() instanceof String;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (map.put(key, value(depth + 1)) != null) {
                throw error("duplicate field \"" + key + "\"");
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        BigDecimal n = new BigDecimal(text.substring(start, pos));
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private MessageCodecException error(String what) {
        return new MessageCodecException("malformed JSON at character " + pos + ": " + what);
    }
}
