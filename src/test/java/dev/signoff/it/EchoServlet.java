package dev.signoff.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The same tiny answer on two paths: one SignOff checks, one excluded from its filter ({@link FilterOverheadBench}). */
@WebServlet({"/bench/checked/*", "/bench/excluded/*"})
public class EchoServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
