package dev.signoff.it.legacy;

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

/**
 * What the registry says of a session, read with plain SQL: {@code GET /test/end-reason?handle=h}
 * answers its END_REASON ({@code live} while it is not revoked, 404 for no such row);
 * {@code GET /test/end-reason?user=u} the reasons of that user's audited ends, one per line.
 */
@WebServlet("/test/end-reason")
public class EndReasonsServlet extends HttpServlet {
    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String handle = request.getParameter("handle");
        String sql = handle != null
                ? "SELECT END_REASON, REVOKED_AT FROM SIGNOFF_SESSION WHERE HANDLE = ?"
                : "SELECT REASON, OCCURRED_AT FROM SIGNOFF_AUDIT WHERE USER_NAME = ? AND EVENT = 'ENDED' ORDER BY OCCURRED_AT";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, handle != null ? handle : request.getParameter("user"));
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(1);
                    out.append(reason == null ? "live" : reason).append('\n');
                }
            }
            if (handle != null && out.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.getWriter().write(out.toString());
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
