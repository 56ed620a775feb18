package dev.signoff.fuzz;

import dev.signoff.it.Device;
import dev.signoff.it.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The signed-in user the fuzz campaign rides on and must not harm: a {@link Device} logged in the
 * app's own way. Its {@link #state()} — signed in or not, and the handles of its sessions — is
 * taken before and after a campaign; any difference is a state change some refused request made.
 */
public final class Victim {
    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HANDLE = Pattern.compile("\"handle\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern PURPOSE = Pattern.compile("\"purpose\"\\s*:\\s*\"([^\"]+)\"");
    private final Device device;
    private final String whoamiPath;
    private final String signedInText;
    private final List<String> userMarkers;
    private final String user;
    private String refreshToken;

    private Victim(Device device, String user, String whoamiPath, String signedInText, List<String> userMarkers) {
        this.device = device;
        this.user = user;
        this.whoamiPath = whoamiPath;
        this.signedInText = signedInText;
        this.userMarkers = userMarkers;
    }

    /** A user of the demo, logged in through its form with "remember me", as a browser does. */
    public static Victim ofDemo(URI context, String user, String password) {
        Device d = new Device(context);
        Response login = d.post("/login", Map.of("username", user, "password", password, "remember_me", "on"));
        if (login.status() != 303) {
            throw new IllegalStateException("the demo refused the victim's login: " + login);
        }
        d.get("/app/");
        Victim victim = new Victim(d, user, "/app/", "Signed in as " + user, List.of("Signed in as " + user,
                "class=\"who\">" + user + "<", user + "@example.com", "\"user\":\"" + user + "\"",
                "\"user\": \"" + user + "\""));
        Response tokens = new Device(context).post("/api/token", Map.of("username", user, "password", password));
        Matcher refresh = REFRESH.matcher(tokens.body());
        if (tokens.status() != 200 || !refresh.find()) {
            throw new IllegalStateException("the demo gave the victim no token pair: " + tokens);
        }
        victim.refreshToken = refresh.group(1);
        return victim;
    }

    /**
     * The victim's refresh token still refreshes: no garbage or crafted token sent to the refresh
     * route spent or revoked it. Spends it, so call it last. True when the victim has none.
     */
    public boolean refreshStillWorks() {
        if (refreshToken == null) {
            return true;
        }
        URI context = URI.create(device.origin() + device.contextPath() + "/");
        return new Device(context).post("/api/token/refresh", Map.of("refresh_token", refreshToken)).status() == 200;
    }

    /** A device some other app's login signed in; {@code signedInText} is what its page shows then. */
    public static Victim of(Device device, String user, String whoamiPath, String signedInText) {
        return new Victim(device, user, whoamiPath, signedInText, List.of(signedInText));
    }

    public String user() {
        return user;
    }

    /** The fuzz target: these paths, the victim's cookies, and what only the victim may see. */
    public Target target(List<String> paths) {
        List<String> markers = new ArrayList<>(userMarkers);
        markers.addAll(handles());
        Map<String, String> cookies = device.cookies().stream()
                .collect(Collectors.toMap(Device.Cookie::name, Device.Cookie::value, (a, b) -> a));
        URI context = URI.create(device.origin() + device.contextPath() + "/");
        return new Target(context, paths, cookies, markers);
    }

    /** Takes the cookies the campaign ended with (a rotated remember-me token), as the victim's browser would have. */
    public void adopt(Map<String, String> cookies) {
        for (Device.Cookie c : device.cookies()) {
            String now = cookies.get(c.name());
            if (now != null && !now.equals(c.value())) {
                device.setCookie(c.name(), now, c.path());
            }
        }
    }

    /** Signed in or not, and the handles of the victim's live sessions. */
    public String state() {
        Response page = device.get(whoamiPath);
        boolean signedIn = page.status() == 200 && page.body().contains(signedInText);
        return "signed in: " + signedIn + ", sessions: " + sessions();
    }

    /** Each live session of the victim as {@code handle:purpose}. */
    private TreeSet<String> sessions() {
        Response list = device.get("/sessions/api", "Accept", "application/json");
        TreeSet<String> sessions = new TreeSet<>();
        Matcher m = SESSION.matcher(list.body());
        while (m.find()) {
            Matcher handle = HANDLE.matcher(m.group());
            Matcher purpose = PURPOSE.matcher(m.group());
            if (handle.find()) {
                sessions.add(handle.group(1) + (purpose.find() ? ":" + purpose.group(1) : ""));
            }
        }
        return sessions;
    }

    private TreeSet<String> handles() {
        Response list = device.get("/sessions/api", "Accept", "application/json");
        TreeSet<String> handles = new TreeSet<>();
        Matcher m = HANDLE.matcher(list.body());
        while (m.find()) {
            handles.add(m.group(1));
        }
        return handles;
    }
}
