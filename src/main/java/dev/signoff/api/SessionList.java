package dev.signoff.api;

import dev.signoff.SessionInfo;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * The answer of {@code GET <prefix>/api} and {@code GET <prefix>/api/users/{user}}.
 *
 * @param sessions     live sessions, most recently used first
 * @param logOutAllUrl the caller's one-time "log out everywhere" link; {@code null} when listing
 *                     another user's sessions, or when the caller has no HttpSession to tie it to
 */
@JsonbNillable
@JsonbPropertyOrder({"sessions", "logOutAllUrl"})
public record SessionList(List<SessionView> sessions, String logOutAllUrl) {
    public SessionList {
        sessions = List.copyOf(sessions);
    }

    static SessionList of(List<SessionInfo> sessions, String logOutAllUrl) {
        return new SessionList(sessions.stream().map(SessionView::of).toList(),
                logOutAllUrl == null || logOutAllUrl.isEmpty() ? null : logOutAllUrl);
    }
}
