package dev.signoff.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups a remember-me login signs its user in with, kept beside its registry session (purpose
 * {@code remember_me}, same handle) and purged with it: Jakarta Security asks the remember-me store
 * for them, not the app's identity stores. One line per group.
 */
@Entity
@Table(name = "SIGNOFF_REMEMBER_ME")
@NamedQuery(name = RememberedGroups.PURGE, query = "DELETE FROM RememberedGroups g WHERE g.handle = :handle")
public class RememberedGroups {
    static final String PURGE = "SignOff.RememberedGroups.purge";
    /** The width of the {@code GROUP_NAMES} column; groups that do not fit are left out (fewer rights, never more). */
    static final int MAX_LENGTH = 4000;

    @Id
    @Column(name = "HANDLE", length = 32)
    private String handle;

    @Column(name = "GROUP_NAMES", length = MAX_LENGTH)
    private String groups;

    protected RememberedGroups() {
        // for JPA
    }

    RememberedGroups(String handle, Set<String> groups) {
        this.handle = handle;
        StringBuilder b = new StringBuilder();
        for (String g : new TreeSet<>(groups)) {
            if (g.indexOf('\n') < 0 && b.length() + g.length() + 1 <= MAX_LENGTH) {
                b.append(b.length() == 0 ? "" : "\n").append(g);
            }
        }
        this.groups = b.toString();
    }

    Set<String> groups() {
        return groups == null || groups.isEmpty() ? Set.of() : Set.copyOf(new LinkedHashSet<>(Arrays.asList(groups.split("\n"))));
    }
}
