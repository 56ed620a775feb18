/**
 * Live sign-out: open pages learn at once that their session ended.
 *
 * <ul>
 *   <li>{@link dev.signoff.live.EventsServlet}: {@code GET <prefix>/api/events}, a server-sent
 *       event stream that sends {@code event: revoked} when the caller's session ends;</li>
 *   <li>{@link dev.signoff.live.LiveSessions}: the node's open streams by session handle; pushes
 *       ends made on this node at once and, while streams are open, checks them every staleness
 *       interval (other nodes' revocations, timeouts) and sends heartbeats;</li>
 *   <li>{@link dev.signoff.live.ScriptServlet}: {@code GET <prefix>/signoff.js}, the browser side
 *       (listens, signs out every tab, clears storage, goes to the login page).</li>
 * </ul>
 * Usage in a page of a signed-in user:
 * <pre>{@code
 * <script src="/ctx/sessions/signoff.js" defer></script>
 * }</pre>
 */
package dev.signoff.live;
