package dev.signoff.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How many registry rows a user has, live or not, read with plain SQL: {@code GET /test/registry-rows?user=x}. */
@WebServlet("/test/registry-rows")
public class RegistryRowsServlet extends HttpServlet {
    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM SIGNOFF_SESSION WHERE USER_NAME = ?")) {
            count.setString(1, request.getParameter("user"));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                response.getWriter().write(Long.toString(rs.getLong(1)));
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
