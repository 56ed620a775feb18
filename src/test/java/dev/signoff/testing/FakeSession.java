package dev.signoff.testing;

import jakarta.servlet.http.HttpSession;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** An HttpSession for unit tests: attributes, an id that can change, invalidation. */
public final class FakeSession {
    private static int next = 1;

    public String id = "session-" + next++;
    public boolean isNew;
    public boolean invalidated;
    public final Map<String, Object> attributes = new HashMap<>();

    public HttpSession proxy() {
        return (HttpSession) Proxy.newProxyInstance(FakeSession.class.getClassLoader(), new Class<?>[]{HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> live(id);
                    case "isNew" -> live(isNew);
                    case "getAttribute" -> live(attributes.get((String) args[0]));
                    case "getAttributeNames" -> live(Collections.enumeration(attributes.keySet()));
                    case "setAttribute" -> {
                        live(null); // refused before anything changes, as a container does
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> {
                        live(null);
                        attributes.remove((String) args[0]);
                        yield null;
                    }
                    case "invalidate" -> {
                        live(null);
                        invalidated = true;
                        attributes.clear();
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(this);
                    case "toString" -> "FakeSession " + id;
                    default -> throw new UnsupportedOperationException("HttpSession." + method.getName());
                });
    }

    /** What an invalidated session answers: IllegalStateException, as the Servlet spec says. */
    private <T> T live(T value) {
        if (invalidated) {
            throw new IllegalStateException("session invalidated");
        }
        return value;
    }
}
