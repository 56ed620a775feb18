package dev.signoff.login;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/** The mechanism's {@link HttpMessageContext}, noting who it told the container has logged in. */
final class LoginNotices extends HttpMessageContextWrapper {
    private String caller;

    LoginNotices(HttpMessageContext context) {
        super(context);
    }

    /** The user the mechanism logged in during this call, if it did. */
    Optional<String> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        return noted(principal == null ? null : principal.getName(), super.notifyContainerAboutLogin(principal, groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return noted(callerName, super.notifyContainerAboutLogin(callerName, groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        String name = result.getStatus() == CredentialValidationResult.Status.VALID ? result.getCallerPrincipal().getName() : null;
        return noted(name, super.notifyContainerAboutLogin(result));
    }

    private AuthenticationStatus noted(String name, AuthenticationStatus status) {
        if (status == AuthenticationStatus.SUCCESS && name != null) {
            caller = name;
        }
        return status;
    }
}
