package dev.signoff.cookies;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One cookie as it was set: name and the attributes a deletion must repeat. A browser deletes a
 * cookie only for a {@code Set-Cookie} with the same name, Domain (or host-only) and Path, and
 * ignores a deletion without {@code Secure}/{@code SameSite=None} when the original had them.
 *
 * @param name     cookie name
 * @param path     Path attribute ({@code /} when the app did not set one)
 * @param domain   Domain attribute; empty for a host-only cookie
 * @param secure   Secure attribute
 * @param httpOnly HttpOnly attribute
 * @param sameSite SameSite attribute (Strict, Lax, None); empty when the original had none
 */
public record CookieSpec(String name, String path, Optional<String> domain, boolean secure, boolean httpOnly,
                         Optional<String> sameSite) {

    private static final String FORM = "'name; Path=/p; Domain=d; Secure; HttpOnly; SameSite=Lax'";

    public CookieSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        domain = domain.filter(d -> !d.isBlank());
        sameSite = sameSite.filter(s -> !s.isBlank()).map(CookieSpec::normalizeSameSite);
    }

    /**
     * Parses one cookie of the {@code signoff.cookies} setting, e.g.
     * {@code remember_me; Path=/; Domain=example.com; Secure; HttpOnly; SameSite=Lax}.
     *
     * @throws IllegalArgumentException naming the allowed form
     */
    public static CookieSpec parse(String text) {
        String[] parts = text.split(";");
        String name = parts[0].trim();
        String path = "/";
        String domain = "";
        String sameSite = "";
        boolean secure = false;
        boolean httpOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            String attribute = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            switch (attribute) {
                case "path" -> path = value;
                case "domain" -> domain = value;
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = value;
                default -> throw new IllegalArgumentException("unknown attribute '" + part + "', expected " + FORM);
            }
        }
        return new CookieSpec(name, path, Optional.of(domain), secure, httpOnly, Optional.of(sameSite)).validated();
    }

    /**
     * Checks the rules a browser applies to a cookie an admin names: a deletion that breaks them is
     * ignored by the browser, so such a setting fails deployment. Not applied to the container's
     * session cookie, which is deleted exactly as the container sets it, whatever it is.
     */
    CookieSpec validated() {
        if (sameSite.isPresent() && !List.of("Strict", "Lax", "None").contains(sameSite.get())) {
            throw new IllegalArgumentException("SameSite must be Strict, Lax or None, not '" + sameSite.get() + "'");
        }
        if (!isToken(name)) {
            throw new IllegalArgumentException("cookie name '" + name + "' is not a valid token");
        }
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c == ';' || c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("cookie path '" + path + "' must start with '/' and hold no ';'");
        }
        if (domain.isPresent() && !domain.get().matches("\\.?[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("cookie domain '" + domain.get() + "' is not a host name");
        }
        if (name.startsWith("__Host-") && (!secure || !"/".equals(path) || domain.isPresent())) {
            throw new IllegalArgumentException("a __Host- cookie must be Secure, with Path=/ and no Domain: " + name);
        }
        if (name.startsWith("__Secure-") && !secure) {
            throw new IllegalArgumentException("a __Secure- cookie must be Secure: " + name);
        }
        if (sameSite.filter("None"::equals).isPresent() && !secure) {
            throw new IllegalArgumentException("a SameSite=None cookie must be Secure: " + name);
        }
        return this;
    }

    /** The {@code Set-Cookie} header value that deletes this cookie: same attributes, expired. */
    public String deletionHeader() {
        StringBuilder header = new StringBuilder(name).append("=; Path=").append(path);
        domain.ifPresent(d -> header.append("; Domain=").append(d));
        header.append("; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        sameSite.ifPresent(s -> header.append("; SameSite=").append(s));
        return header.toString();
    }

    private static String normalizeSameSite(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> value;
        };
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
