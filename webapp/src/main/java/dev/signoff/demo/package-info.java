/**
 * The SignOff demo application: a small web app that uses SignOff the way a real one would.
 *
 * <ul>
 *   <li>Login: {@link dev.signoff.demo.DemoSecurity} (Jakarta Security custom form),
 *       {@link dev.signoff.demo.DemoUsers} (in-memory identity store), {@link dev.signoff.demo.LoginServlet}.
 *       The demo never tells SignOff about a login: SignOff notices the container's logins itself.</li>
 *   <li>Pages under {@code /app/} (protected in {@code web.xml}): {@link dev.signoff.demo.HomeServlet}
 *       (sign out, credential forms), {@link dev.signoff.demo.SessionsServlet} (devices, built on
 *       {@link dev.signoff.SignOff}), {@link dev.signoff.demo.AccountServlet} (fires
 *       {@link dev.signoff.events.CredentialsChanged}).</li>
 *   <li>JSON: {@link dev.signoff.demo.DemoApi} and {@link dev.signoff.demo.MeResource} ({@code GET /api/me}).</li>
 *   <li>CSRF defence of the demo's own POSTs: {@link dev.signoff.demo.CrossSiteRequestFilter}.</li>
 * </ul>
 */
package dev.signoff.demo;
