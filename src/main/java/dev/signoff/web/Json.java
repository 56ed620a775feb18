package dev.signoff.web;

/**
 * The small JSON objects SignOff writes by hand (answers of the filter and the event stream,
 * the event stream's data, the browser script's settings): pairs of names and values (strings,
 * numbers, null), built from fixed names and escaped values.
 *
 * <pre>{@code
 * Json.object("error", "session_ended", "reason", "logout")   // {"error":"session_ended","reason":"logout"}
 * }</pre>
 */
public final class Json {
    private Json() {
    }

    /** An object of name/value pairs in the order given: a number as it is, null as {@code null}, else a string. */
    public static String object(Object... namesAndValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(string(String.valueOf(namesAndValues[i]))).append(':');
            Object value = namesAndValues[i + 1];
            b.append(value == null ? "null" : value instanceof Number ? value.toString() : string(value.toString()));
        }
        return b.append('}').toString();
    }

    /** A JSON string literal; also safe inside a script (no raw '<', no line separators). */
    public static String string(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
