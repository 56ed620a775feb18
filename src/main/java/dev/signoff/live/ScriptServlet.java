package dev.signoff.live;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.web.Json;
import dev.signoff.web.Routes;
import dev.signoff.web.RouteServlet;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * {@code GET <prefix>/signoff.js}: the browser side of live sign-out, from the module's class path
 * ({@code dev/signoff/live/signoff.js}), so it follows the prefix and needs no build step. The
 * deployment's routes (login page, event stream, logout routes) are written into it once at start-up;
 * it holds nothing per user, so it is cacheable ({@code ETag}, {@code 304}).
 *
 * <pre>{@code
 * <script src="/shop/sessions/signoff.js" defer></script>
 * }</pre>
 */
public class ScriptServlet extends RouteServlet {
    static final String RESOURCE = "signoff.js";
    static final String CONFIG_PLACEHOLDER = "{/*signoff:config*/}";
    private static final String CACHE = "public, max-age=3600";

    @Inject
    transient Configuration configuration;

    private transient byte[] body;
    private String etag;

    @Override
    public void init() throws ServletException {
        String template;
        try (InputStream in = ScriptServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ServletException("SignOff: " + RESOURCE + " missing from the module JAR");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException("SignOff: cannot read " + RESOURCE, e);
        }
        String script = render(template, getServletContext().getContextPath(), configuration.settings());
        body = script.getBytes(StandardCharsets.UTF_8);
        etag = "\"" + sha256(body) + "\"";
    }

    /** The script with this deployment's routes in place of the placeholder. */
    static String render(String template, String contextPath, SignOffSettings settings) {
        String prefix = contextPath + settings.prefix();
        String config = Json.object("login", settings.loginPage().map(page -> contextPath + page).orElse(null),
                "events", prefix + Routes.EVENTS, "logOut", prefix + Routes.LOG_OUT, "logOutAll", prefix + Routes.LOG_OUT_ALL,
                "channel", "signoff:" + prefix);
        if (!template.contains(CONFIG_PLACEHOLDER)) {
            throw new IllegalStateException("SignOff: " + RESOURCE + " has no " + CONFIG_PLACEHOLDER);
        }
        return template.replace(CONFIG_PLACEHOLDER, config);
    }

    @Override
    protected List<String> methods() {
        return List.of("GET", "HEAD");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
