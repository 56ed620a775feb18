package dev.signoff.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The demo's tiny HTML toolkit: escaping, the page layout and the response headers every page
 * gets. Pages are built from strings on purpose, so a reader sees the whole HTML in one place;
 * every value that comes from a user or a request goes through {@link #escape(String)}.
 */
final class Html {
    /**
     * Forms post only to this origin, no page may frame us (clickjacking), scripts only from our own
     * files (SignOff's signoff.js and the demo's sessions.js; no inline script), which may talk only
     * to this origin (signoff.js's event stream and background sign-out).
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The ServletContext attribute where SignOff publishes its route prefix (SignOffBootstrap.PREFIX_ATTRIBUTE). */
    private static final String SIGNOFF_PREFIX = dev.signoff.boot.SignOffBootstrap.PREFIX_ATTRIBUTE;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s · SignOff demo</title>
            <link rel="stylesheet" href="%s/demo.css">
            %s</head>
            <body>
            <header><a class="brand" href="%s/">SignOff demo</a>%s</header>
            <main>
            %s
            </main>
            </body>
            </html>
            """;

    private Html() {
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A {@code <time>} element for an instant, in UTC so the server needs no time zone of the reader. */
    static String time(Instant instant) {
        if (instant == null) {
            return "–";
        }
        return "<time datetime=\"" + instant + "\">" + TIME.format(instant) + "</time>";
    }

    /** An instant as "2026-11-21 10:00 UTC". */
    static String utc(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * The notice chosen by a query parameter such as {@code ?changed=password}, as a paragraph;
     * empty for a missing or unknown value. Only fixed texts are shown, never the parameter itself.
     */
    static String notice(Map<String, String> notices, String parameter) {
        String text = parameter == null ? null : notices.get(parameter);
        return text == null ? "" : "<p class=\"notice\" role=\"status\">" + escape(text) + "</p>\n";
    }

    /** A hidden form field. */
    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /**
     * Writes a complete page.
     *
     * @param title plain text, escaped here
     * @param body  HTML, already escaped by the caller
     */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String title,
                     String body) throws IOException {
        send(request, response, status, title, body, new String[0]);
    }

    /**
     * Writes a complete page with page scripts of the demo (paths from the context root), loaded
     * after signoff.js; they are progressive enhancement, the page works without them.
     */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String title,
                     String body, String... pageScripts) throws IOException {
        String context = escape(request.getContextPath());
        String user = request.getRemoteUser();
        String nav = user == null ? ""
                : "<nav aria-label=\"Main\"><a href=\"" + context + "/app/\">Account</a> <a href=\"" + context
                        + "/app/sessions\">Devices</a>" + (request.isUserInRole(DemoRoles.ADMIN)
                        ? " <a href=\"" + context + AdminSessionsServlet.PATH + "\">Admin</a>" : "")
                        + " <span class=\"who\">" + escape(user) + "</span></nav>";
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getWriter().write(LAYOUT.formatted(escape(title), context, scripts(request, user, pageScripts), context, nav, body));
    }

    /**
     * SignOff's signoff.js on every page of a signed-in user (live sign-out, background logout,
     * storage cleared), plus page scripts; none for anonymous pages, where there is no session to watch.
     */
    private static String scripts(HttpServletRequest request, String user, String... pageScripts) {
        if (user == null) {
            return "";
        }
        Object prefix = request.getServletContext().getAttribute(SIGNOFF_PREFIX);
        StringBuilder tags = new StringBuilder();
        tags.append("<script src=\"").append(escape(request.getContextPath() + prefix)).append("/signoff.js\" defer></script>\n");
        for (String script : pageScripts) {
            tags.append("<script src=\"").append(escape(request.getContextPath() + script)).append("\" defer></script>\n");
        }
        return tags.toString();
    }

    /** Writes a short page with one message and a link, for errors such as 400 and 403. */
    static void sendMessage(HttpServletRequest request, HttpServletResponse response, int status, String title,
                            String message, String backPath, String backLabel) throws IOException {
        String body = "<h1>" + escape(title) + "</h1>\n<p class=\"error\">" + escape(message) + "</p>\n"
                + "<p><a href=\"" + escape(request.getContextPath() + backPath) + "\">" + escape(backLabel)
                + "</a></p>";
        send(request, response, status, title, body);
    }

    /** Answers {@code 303 See Other}: after a POST the browser follows with a GET, so Reload never re-posts. */
    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
