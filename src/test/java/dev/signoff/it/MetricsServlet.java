package dev.signoff.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the app's SignOff MBean from the platform MBean server, as an operator's JMX tool would, on
 * a thread of its own (JMX calls do not arrive on request threads), and prints each attribute as
 * {@code name=value} lines.
 */
@WebServlet("/test/metrics")
public class MetricsServlet extends HttpServlet {
    static final String[] ATTRIBUTES = {"LiveSessions", "SessionsStarted", "SessionsEnded", "Checks", "ChecksPerSecond",
            "CacheHitRatio", "CheckLatencyMeanMicros", "CheckLatencyMaxMicros", "DatabaseErrors", "RegistryStatements"};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        // ?only=<attribute>: that one alone (reading LiveSessions would itself send a statement).
        String[] attributes = request.getParameter("only") == null ? ATTRIBUTES : new String[]{request.getParameter("only")};
        try {
            String text = CompletableFuture.supplyAsync(() -> read(context, attributes), r -> new Thread(r, "jmx-client").start())
                    .get(30, TimeUnit.SECONDS);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(text);
        } catch (Exception e) {
            // The failure itself, for the test's message (a test servlet: no internals to hide).
            response.setStatus(500);
            response.setContentType("text/plain;charset=UTF-8");
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            response.getWriter().write(trace.toString().replaceAll("\\s+at (java|jdk|org\\.glassfish|com\\.sun)[^\\n]*", ""));
        }
    }

    private static String read(String context, String[] attributes) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("dev.signoff:type=SignOff,context=" + ObjectName.quote(context));
            StringBuilder out = new StringBuilder();
            for (String attribute : attributes) {
                Object value = server.getAttribute(name, attribute);
                if (value instanceof TabularData table) {
                    for (Object row : table.values()) {
                        CompositeData entry = (CompositeData) row;
                        out.append(attribute).append('.').append(entry.get("key")).append('=').append(entry.get("value")).append('\n');
                    }
                } else {
                    out.append(attribute).append('=').append(value).append('\n');
                }
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
