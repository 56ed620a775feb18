package dev.signoff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls to the module's JSON API ({@code <prefix>/api}) from a {@link Device}, and readings of its answers. */
final class SessionsApi {
    static final String JSON = "application/json";

    private SessionsApi() {
    }

    static JsonObject json(Response r) {
        assertTrue(r.header("Content-Type").orElse("").startsWith(JSON), () -> "not JSON: " + r);
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** {@code GET <prefix>/api}, which must answer 200. */
    static JsonObject list(Device d, String prefix) {
        Response r = d.get(prefix + "/api", "Accept", JSON);
        assertEquals(200, r.status(), r::toString);
        return json(r);
    }

    static JsonObject list(Device d) {
        return list(d, "/sessions");
    }

    static List<JsonObject> sessions(JsonObject list) {
        return list.getJsonArray("sessions").getValuesAs(JsonObject.class);
    }

    static Optional<JsonObject> session(JsonObject list, String handle) {
        return sessions(list).stream().filter(s -> s.getString("handle").equals(handle)).findFirst();
    }

    /** The handle of the device's own session, as the API marks it. */
    static String currentHandle(Device d) {
        return currentHandle(d, "/sessions");
    }

    static String currentHandle(Device d, String prefix) {
        List<JsonObject> current = sessions(list(d, prefix)).stream().filter(s -> s.getBoolean("current")).toList();
        assertEquals(1, current.size(), () -> "exactly one session must be current: " + current);
        return current.get(0).getString("handle");
    }

    /** The error code of a JSON error answer. */
    static String error(Response r) {
        return json(r).getString("error");
    }

    static boolean isNull(JsonObject o, String key) {
        return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
