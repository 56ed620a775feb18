package dev.signoff.testing;

import jakarta.servlet.http.HttpServletResponse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HttpServletResponse for unit tests: status, headers (several per name), body, committed. */
public final class FakeResponse {
    public int status = 200;
    public boolean committed;
    public String contentType;
    public final Map<String, List<String>> headers = new LinkedHashMap<>();
    public final StringWriter body = new StringWriter();

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public HttpServletResponse proxy() {
        PrintWriter writer = new PrintWriter(body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(FakeResponse.class.getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "isCommitted" -> committed;
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "getContentType" -> contentType;
                    case "setHeader" -> {
                        List<String> values = new ArrayList<>();
                        values.add((String) args[1]);
                        headers.put((String) args[0], values);
                        yield null;
                    }
                    case "addHeader" -> {
                        headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                        yield null;
                    }
                    case "getHeader" -> header((String) args[0]);
                    case "getHeaders" -> List.copyOf(headers(((String) args[0])));
                    case "containsHeader" -> headers.containsKey((String) args[0]);
                    case "getWriter" -> writer;
                    case "toString" -> "FakeResponse " + status + " " + headers;
                    default -> throw new UnsupportedOperationException("HttpServletResponse." + m.getName());
                });
    }
}
