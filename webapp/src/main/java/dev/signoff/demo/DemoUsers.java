package dev.signoff.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The demo's users, in memory: {@code alice}/{@code alice-pw}, {@code bob}/{@code bob-pw} and
 * {@code admin}/{@code admin-pw}. Everyone is in group {@code user}; {@code admin} is also in
 * {@code signoff-admin}, the role of SignOff's admin API. Group names double as role names
 * (GlassFish's default group-to-role mapping).
 *
 * <p>As an {@link IdentityStore} it checks passwords for the authentication mechanism of
 * {@link DemoSecurity}; the account page changes passwords and e-mail addresses through it.
 * Passwords are kept as PBKDF2 hashes even here, using Jakarta Security's own
 * {@link Pbkdf2PasswordHash}. Everything is lost on restart.
 */
@ApplicationScoped
public class DemoUsers implements IdentityStore {
    private static final Set<String> USER = Set.of(DemoRoles.USER);
    private static final Set<String> ADMIN = Set.of(DemoRoles.USER, DemoRoles.ADMIN);

    /** What the demo knows about one user. */
    private record Account(String passwordHash, String email, Set<String> groups) {
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** Verified for unknown user names, so a login takes as long whether the name exists or not. */
    private String decoyHash;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void createUsers() {
        accounts.put("alice", new Account(hash("alice-pw"), "alice@example.com", USER));
        accounts.put("bob", new Account(hash("bob-pw"), "bob@example.com", USER));
        accounts.put("admin", new Account(hash("admin-pw"), "admin@example.com", ADMIN));
        decoyHash = hash("decoy-password");
    }

    /**
     * Called by Jakarta Security (through {@link IdentityStore#validate(jakarta.security.enterprise.credential.Credential)}):
     * the caller and their groups when the password is right.
     */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Account account = accounts.get(credential.getCaller());
        // Always verify a hash, the decoy for unknown names: the answer time does not tell them apart.
        boolean matches = passwordHash.verify(credential.getPassword().getValue(),
                account == null ? decoyHash : account.passwordHash());
        if (account == null || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), account.groups());
    }

    /** Whether {@code password} is the user's current password. */
    public boolean passwordMatches(String user, String password) {
        Account account = accounts.get(user);
        return account != null && passwordHash.verify(password.toCharArray(), account.passwordHash());
    }

    /**
     * Replaces the user's password; the caller fires {@code CredentialsChanged} afterwards.
     *
     * @return what puts the old password back, should the change have to be rolled back
     */
    public Runnable changePassword(String user, String newPassword) {
        String newHash = hash(newPassword);
        return update(user, old -> new Account(newHash, old.email(), old.groups()));
    }

    /** The user's e-mail address, empty for an unknown user. */
    public Optional<String> email(String user) {
        return Optional.ofNullable(accounts.get(user)).map(Account::email);
    }

    /**
     * Replaces the user's e-mail address; the caller fires {@code CredentialsChanged} afterwards.
     *
     * @return what puts the old address back, should the change have to be rolled back
     */
    public Runnable changeEmail(String user, String email) {
        return update(user, old -> new Account(old.passwordHash(), email, old.groups()));
    }

    private Runnable update(String user, UnaryOperator<Account> change) {
        Account before = accounts.get(user);
        if (before == null) {
            throw new IllegalArgumentException("No such demo user: " + user);
        }
        accounts.put(user, change.apply(before));
        return () -> accounts.put(user, before);
    }

    private String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }
}
