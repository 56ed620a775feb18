package dev.signoff.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** An app filter that is not async-supported (the default), on SignOff's event stream. */
@WebFilter("/sessions/api/events")
public class NonAsyncFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Non-Async-Filter", "passed");
        chain.doFilter(request, response);
    }
}
