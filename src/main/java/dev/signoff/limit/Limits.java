package dev.signoff.limit;

import dev.signoff.registry.SessionSnapshot;

import java.util.Comparator;
import java.util.List;

/** The arithmetic of the session limit, apart from the registry so it is unit-tested alone. */
final class Limits {
    /** Oldest first; a tie in milliseconds is broken by handle, so every node decides alike. */
    private static final Comparator<SessionSnapshot> BY_START =
            Comparator.comparingLong(SessionSnapshot::createdAt).thenComparing(SessionSnapshot::handle);

    private Limits() {
    }

    /** Whether one more session would exceed {@code max} (0: no limit). */
    static boolean full(int live, int max) {
        return max > 0 && live >= max;
    }

    /**
     * The sessions to end so that the new one fits: the least recently used beyond {@code max}.
     *
     * @param live      the user's live sessions, the new one included, most recently used first
     * @param newHandle the session just opened, which stays
     */
    static List<SessionSnapshot> leastRecent(List<SessionSnapshot> live, String newHandle, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<SessionSnapshot> others = live.stream().filter(s -> !s.handle().equals(newHandle)).toList();
        return others.size() < max ? List.of() : others.subList(max - 1, others.size());
    }

    /**
     * Whether the new session must go after all, because logins that ran at the same time got in
     * first: it is not among the {@code max} oldest live sessions.
     */
    static boolean lostRace(List<SessionSnapshot> live, String newHandle, int max) {
        if (max <= 0) {
            return false;
        }
        List<SessionSnapshot> oldestFirst = live.stream().sorted(BY_START).toList();
        for (int i = 0; i < oldestFirst.size() && i < max; i++) {
            if (oldestFirst.get(i).handle().equals(newHandle)) {
                return false;
            }
        }
        return oldestFirst.stream().anyMatch(s -> s.handle().equals(newHandle));
    }
}
