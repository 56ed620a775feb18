package dev.signoff.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes the registry's pool open a connection inside a transaction: holds {@code hold} connections
 * of {@code java:app/signoff/DataSource} outside any transaction, so the pool has none idle, then
 * writes through one more inside a UserTransaction. Answers 200 "ok", or 500 with the failure.
 * <p>
 * The held connections are opened and closed on a thread of their own. Held by the request thread,
 * WildFly's cached connection manager would enlist every one of them in the UserTransaction when it
 * begins (JCA lazy enlistment), and a transaction takes only one local resource: the test would fail
 * on WildFly for a reason that has nothing to do with the registry's pool.
 */
@WebServlet("/test/pool-growth")
public class PoolGrowthServlet extends HttpServlet {
    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int hold = Integer.parseInt(request.getParameter("hold"));
        ExecutorService holder = Executors.newSingleThreadExecutor();
        List<Connection> held = new ArrayList<>();
        try {
            holder.submit(() -> {
                for (int i = 0; i < hold; i++) {
                    held.add(dataSource.getConnection());
                }
                return null;
            }).get();
            transaction.begin();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE SIGNOFF_SESSION SET END_REASON = END_REASON WHERE 1 = 0");
            }
            transaction.commit();
            response.getWriter().write("ok");
        } catch (Exception e) {
            response.setStatus(500);
            response.getWriter().write(String.valueOf(e));
            rollBackQuietly();
        } finally {
            closeOn(holder, held);
        }
    }

    /** Returns the held connections to the pool before the next round asks for more. */
    private static void closeOn(ExecutorService holder, List<Connection> held) {
        try {
            holder.submit(() -> held.forEach(PoolGrowthServlet::closeQuietly)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // closeQuietly throws nothing.
        } finally {
            holder.shutdown();
        }
    }

    private void rollBackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            // The failure already went into the response; a rollback that fails too adds nothing.
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Only returns the connection to the pool; the test result is already written.
        }
    }
}
