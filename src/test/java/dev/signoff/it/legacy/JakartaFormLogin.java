package dev.signoff.it.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** App A: Jakarta Security's built-in form mechanism, the login page a plain HTML form posting to j_security_check. */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.html", errorPage = "/error.html"))
@ApplicationScoped
public class JakartaFormLogin {
}
