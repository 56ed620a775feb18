package dev.signoff.logout;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The page answering a logout asked for with GET: one button that POSTs, so that a link, a
 * prefetch or an image tag never logs anyone out.
 */
final class ConfirmationPage {
    private final String action;
    private final String title;
    private final Optional<String> next;
    private final boolean keep;
    private final Optional<String> policy;

    /**
     * @param action where the form posts
     * @param title  the question asked
     * @param next   a same-origin page to go to afterwards, carried along
     * @param keep   whether "everywhere" keeps the caller's own session
     * @param policy its Content-Security-Policy, unless turned off
     */
    ConfirmationPage(String action, String title, Optional<String> next, boolean keep, Optional<String> policy) {
        this.action = action;
        this.title = title;
        this.next = next;
        this.keep = keep;
        this.policy = policy;
    }

    void write(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        policy.ifPresent(p -> response.setHeader("Content-Security-Policy", p));
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + html(title) + "</title></head><body>");
        out.println("<main><h1>" + html(title) + "</h1>");
        out.println("<form method=\"post\" action=\"" + html(action) + "\">");
        next.ifPresent(n -> out.println("<input type=\"hidden\" name=\"next\" value=\"" + html(n) + "\">"));
        if (keep) {
            out.println("<input type=\"hidden\" name=\"keep_current\" value=\"true\">");
        }
        out.println("<button type=\"submit\">Sign out</button></form></main></body></html>");
    }

    /** Text made safe inside an element or a double-quoted attribute. */
    static String html(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
