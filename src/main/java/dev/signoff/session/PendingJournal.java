package dev.signoff.session;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.session.PendingEnds.Pending;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node's file of ends it took while the registry was down, so that a restart of the node —
 * even {@code kill -9} — does not lose them: each is appended and forced to disk before the logout
 * answers; when the queue drains the file is rewritten with what is left (a temporary file moved
 * over it). Storing an end twice is harmless (a revoked session stays revoked, the first reason
 * kept), so a crash between storing and rewriting only repeats work. One line per end, each field
 * URL-encoded: {@code 1 handle user keep purposes reason}, {@code -} for none. It holds handles and
 * user names, never a token; the file is readable by the server's user only.
 */
final class PendingJournal {
    private static final String VERSION = "1";
    private static final String NONE = "-";

    private final Path file;

    /** @param file the journal, e.g. {@code signoff-pending-ends/app.log}; its directory is created when needed */
    PendingJournal(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The ends written and not yet rewritten away, in order; lines it cannot read are skipped. */
    synchronized List<Pending> load() throws IOException {
        List<Pending> ends = new ArrayList<>();
        if (!Files.exists(file)) {
            return ends;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parse(line).ifPresent(ends::add);
        }
        return ends;
    }

    /** Appends one end and forces it to disk. */
    synchronized void append(Pending end) throws IOException {
        createDirectory();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap((format(end) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
    }

    /** Replaces the file by these ends (none: the file is removed). */
    synchronized void rewrite(Collection<Pending> left) throws IOException {
        if (left.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        createDirectory();
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder lines = new StringBuilder();
            left.forEach(end -> lines.append(format(end)).append('\n'));
            out.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void createDirectory() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory keeps its parent's access rules
            }
        }
    }

    static String format(Pending end) {
        return String.join(" ", VERSION, field(end.handle()), field(Optional.ofNullable(end.user())), field(end.keep()),
                end.purposes().isEmpty() ? NONE : end.purposes().stream().map(Purpose::name).sorted().collect(Collectors.joining(",")),
                end.reason().name());
    }

    static Optional<Pending> parse(String line) {
        String[] f = line.split(" ");
        if (f.length != 6 || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        try {
            Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
            if (!f[4].equals(NONE)) {
                for (String p : f[4].split(",")) {
                    purposes.add(Purpose.valueOf(p));
                }
            }
            return Optional.of(new Pending(value(f[1]), value(f[2]).orElse(null), value(f[3]), Set.copyOf(purposes),
                    EndReason.valueOf(f[5])));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String field(Optional<String> value) {
        // URLEncoder leaves '-' as it is: encoded here, so a value "-" is not read back as none.
        return value.map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("-", "%2D")).orElse(NONE);
    }

    private static Optional<String> value(String field) {
        return field.equals(NONE) ? Optional.empty() : Optional.of(URLDecoder.decode(field, StandardCharsets.UTF_8));
    }
}
