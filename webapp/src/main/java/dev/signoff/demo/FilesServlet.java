package dev.signoff.demo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * The demo's default servlet ({@code /}): its two static files, and {@code 404} for every other
 * path. It replaces the container's, which answers {@code 501} to {@code PATCH} and to methods it
 * does not know on a path that does not exist; here those get {@code 405} with {@code Allow}, as
 * on every other demo page.
 */
@WebServlet(name = "demo-files", urlPatterns = "/")
public class FilesServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FILES = Set.of("/demo.css", "/sessions.js");

    @Override
    List<String> methods() {
        return List.of("GET");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        InputStream file = FILES.contains(path) ? getServletContext().getResourceAsStream(path) : null;
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (file) {
            response.setContentType(getServletContext().getMimeType(path));
            response.setHeader("Cache-Control", "no-cache");
            file.transferTo(response.getOutputStream());
        }
    }
}
