package dev.signoff.it.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/** The Jakarta Security apps' users: any name, with the password {@code <name>-pw}, in group {@code users}. */
@ApplicationScoped
public class LegacyUsers implements IdentityStore {
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String user = credential.getCaller();
        if (user == null || user.isBlank() || !credential.getPasswordAsString().equals(user + "-pw")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user, Set.of("users"));
    }
}
