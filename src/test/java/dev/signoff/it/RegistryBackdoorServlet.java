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
import java.sql.SQLException;

/**
 * Plays another cluster node: revokes a user's sessions with plain SQL in the shared registry
 * database, behind this node's back (its cache learns nothing).
 */
@WebServlet("/test/revoke-in-database")
public class RegistryBackdoorServlet extends HttpServlet {
    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE SIGNOFF_SESSION SET REVOKED_AT = ?, END_REASON = 'ADMIN' WHERE USER_NAME = ? AND REVOKED_AT IS NULL")) {
            update.setLong(1, System.currentTimeMillis());
            update.setString(2, request.getParameter("user"));
            response.getWriter().write(Integer.toString(update.executeUpdate()));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
