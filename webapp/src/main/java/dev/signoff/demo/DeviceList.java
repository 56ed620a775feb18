package dev.signoff.demo;

import dev.signoff.SessionInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders a list of sessions as devices, for the user's own page ({@link SessionsServlet}) and the
 * admin's ({@link AdminSessionsServlet}): an icon, "Chrome on Linux", IP address, when it signed
 * in and was last active, "This device" on the caller's own, and a "Sign out" form (a plain POST,
 * so it works without JavaScript) on every other one.
 *
 * <p>The device's name is the one SignOff stored when the session started ({@link SessionInfo#device()}).
 */
final class DeviceList {
    /** Sessions seen this recently count as "active now" (last-seen times have minute granularity). */
    private static final Duration ACTIVE_NOW = Duration.ofMinutes(2);

    /** How the "Sign out" form of one row posts: its action, and hidden fields besides the handle. */
    record EndForm(String action, String extraFields) {
    }

    private DeviceList() {
    }

    /** A short name like "Firefox on Linux". The one place to change when the registry stores device names. */
    static String deviceName(SessionInfo session) {
        return session.device() == null || session.device().isBlank() ? "Unknown device" : session.device();
    }

    /**
     * The list, or a short paragraph when there are no sessions.
     *
     * @param current handle of the caller's own session ("" if none of these is theirs)
     */
    static String render(List<SessionInfo> sessions, String current, EndForm form, Instant now) {
        if (sessions.isEmpty()) {
            return "<p class=\"empty\">No signed-in devices.</p>\n";
        }
        StringBuilder items = new StringBuilder();
        // This device first, then the others as listed (most recently active first).
        sessions.stream().filter(s -> isCurrent(s, current)).forEach(s -> items.append(item(s, true, form, now)));
        sessions.stream().filter(s -> !isCurrent(s, current)).forEach(s -> items.append(item(s, false, form, now)));
        return "<ul class=\"devices\" data-device-list>\n" + items + "</ul>\n";
    }

    private static boolean isCurrent(SessionInfo s, String current) {
        return s.current() || s.handle().equals(current);
    }

    /**
     * An IP address as people write it: IPv6 with its longest run of zero groups as "::"
     * ("0:0:0:0:0:0:0:1" is "::1"); anything else unchanged.
     */
    static String address(String ip) {
        if (ip == null || ip.indexOf(':') < 0 || ip.contains("::") || ip.split(":", -1).length != 8) {
            return ip == null ? "unknown" : ip;
        }
        String[] groups = ip.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].replaceFirst("^0+(?=.)", "").equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
            } else {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                    b.append(':');
                }
                b.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    private static String item(SessionInfo s, boolean current, EndForm form, Instant now) {
        String name = deviceName(s);
        String kind = s.purpose() == null || "session".equals(s.purpose()) ? ""
                : " <span class=\"tag\">" + Html.escape(s.purpose().replace('_', ' ')) + "</span>";
        String badge = current ? " <span class=\"tag current\">This device</span>" : "";
        String lastActive = current ? "<span class=\"active\">Active now</span>" : ago(s.lastSeenAt(), now);
        String action = current
                ? "<p class=\"this-device\">You are using this device</p>"
                : """
                  <form method="post" action="%s" data-end-session>
                    %s%s
                    <button type="submit" class="secondary" aria-label="Sign out %s, last active %s">Sign out</button>
                  </form>""".formatted(Html.escape(form.action()), Html.hidden("handle", s.handle()), form.extraFields(),
                        Html.escape(name), Html.escape(plain(s.lastSeenAt(), now)));
        return """
                <li class="device%s" id="session-%s" data-handle="%s">
                  %s
                  <div class="device-main">
                    <h3 class="device-name" title="%s">%s%s%s</h3>
                    <dl class="device-meta">
                      <div><dt>IP address</dt><dd>%s</dd></div>
                      <div><dt>Signed in</dt><dd>%s</dd></div>
                      <div><dt>Last active</dt><dd>%s</dd></div>
                    </dl>
                  </div>
                  <div class="device-action">%s</div>
                </li>
                """.formatted(current ? " current" : "", Html.escape(s.handle()), Html.escape(s.handle()),
                icon(s.userAgent()), Html.escape(s.userAgent()), Html.escape(name), kind, badge,
                Html.escape(address(s.ip())), Html.time(s.createdAt()), lastActive, action);
    }

    /** "3 minutes ago" in a {@code <time>} whose title has the exact UTC time. */
    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "–";
        }
        return "<time datetime=\"" + then + "\" title=\"" + Html.escape(Html.utc(then)) + "\">"
                + Html.escape(plain(then, now)) + "</time>";
    }

    /** The relative time as plain text. */
    static String plain(Instant then, Instant now) {
        if (then == null) {
            return "unknown";
        }
        Duration d = Duration.between(then, now);
        if (d.compareTo(ACTIVE_NOW) < 0) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return count(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return count(d.toHours(), "hour") + " ago";
        }
        return count(d.toDays(), "day") + " ago";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A line icon for the kind of device: phone, tablet, program (API clients) or computer. */
    static String icon(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        String path;
        if (ua.contains("iphone") || (ua.contains("android") && ua.contains("mobile"))) {
            path = "<rect x=\"7\" y=\"2\" width=\"10\" height=\"20\" rx=\"2\"/><path d=\"M11 18h2\"/>";
        } else if (ua.contains("ipad") || ua.contains("android")) {
            path = "<rect x=\"4\" y=\"2\" width=\"16\" height=\"20\" rx=\"2\"/><path d=\"M11 18h2\"/>";
        } else if (ua.isEmpty() || !ua.contains("mozilla")) {
            path = "<path d=\"M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 6l-3 12\"/>";
        } else {
            path = "<rect x=\"2\" y=\"4\" width=\"20\" height=\"13\" rx=\"2\"/><path d=\"M8 21h8M12 17v4\"/>";
        }
        return "<svg class=\"device-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"28\""
                + " height=\"28\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\""
                + " stroke-linejoin=\"round\">" + path + "</svg>";
    }
}
