package dev.signoff.session;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.session.PendingEnds.Pending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's file of ends taken while the registry was down: what it keeps, and what a restart reads back. */
class PendingJournalTest {
    private static final Pending ONE = new Pending(Optional.of("h4ndle"), null, Optional.empty(), Set.of(), EndReason.LOGOUT);
    private static final Pending ALL = new Pending(Optional.empty(), "o'brien - ü 100%", Optional.of("keep-me"),
            Set.of(Purpose.SESSION, Purpose.REFRESH), EndReason.LOGOUT_ALL);

    @TempDir
    Path dir;

    @Test
    void appendThenLoadWhenRestartedThenTheSameEndsInOrder() throws Exception {
        PendingJournal journal = new PendingJournal(dir.resolve("ends/app.log"));
        journal.append(ONE);
        journal.append(ALL);

        assertEquals(List.of(ONE, ALL), new PendingJournal(dir.resolve("ends/app.log")).load(), "a new instance, as after a restart");
    }

    @Test
    void formatWhenUserNameHasSpacesDashesAndNonAsciiThenOneLineReadBackExactly() {
        String line = PendingJournal.format(ALL);

        assertFalse(line.contains("\n"));
        assertEquals(6, line.split(" ").length, line);
        assertEquals(Optional.of(ALL), PendingJournal.parse(line));
        Pending dash = new Pending(Optional.empty(), "-", Optional.empty(), Set.of(Purpose.SESSION), EndReason.ADMIN);
        assertEquals(Optional.of(dash), PendingJournal.parse(PendingJournal.format(dash)), "a user named '-' is not 'none'");
    }

    @Test
    void rewriteWhenSomeStoredThenOnlyTheRestAndWhenNoneLeftThenNoFile() throws Exception {
        PendingJournal journal = new PendingJournal(dir.resolve("app.log"));
        journal.append(ONE);
        journal.append(ALL);

        journal.rewrite(List.of(ALL));
        assertEquals(List.of(ALL), journal.load());
        journal.rewrite(List.of());
        assertFalse(Files.exists(dir.resolve("app.log")));
        assertEquals(List.of(), journal.load());
    }

    @Test
    void loadWhenALineIsTornOrFromAnotherVersionThenSkippedAndTheRestRead() throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, PendingJournal.format(ONE) + "\n2 future format\n1 h - - - NOT_A_REASON\n1 torn-by-a-cr",
                StandardCharsets.UTF_8);

        assertEquals(List.of(ONE), new PendingJournal(file).load());
    }

    @Test
    void appendWhenDirectoryMissingThenCreatedForTheServerUserOnly() throws Exception {
        Path file = dir.resolve("signoff-pending-ends/app.log");
        new PendingJournal(file).append(ONE);

        assertTrue(Files.isRegularFile(file));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void fileNameWhenContextPathsThenOneSafeNameEach() {
        assertEquals("ROOT.log", PendingEnds.fileName(""));
        assertEquals("shop.log", PendingEnds.fileName("/shop"));
        assertEquals("a_b_..log", PendingEnds.fileName("/a/b:."));
    }
}
