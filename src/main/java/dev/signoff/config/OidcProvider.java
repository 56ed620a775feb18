package dev.signoff.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One OpenID Provider whose back-channel logout tokens SignOff accepts (one entry of
 * {@code signoff.oidc.providers}).
 *
 * @param issuer   its {@code iss}, exactly as its tokens carry it
 * @param clientId this app's client id there: a logout token's {@code aud} must contain it
 * @param jwksUri  where its signing keys are; empty: the {@code jwks_uri} of its discovery document
 *                 ({@code <issuer>/.well-known/openid-configuration})
 * @param postLogout when set, a logout through SignOff's routes also ends the provider's session
 *                 (RP-Initiated Logout 1.0), and the provider sends the browser back to this path
 *                 of the app (relative to the context root); empty: the provider's session is left
 */
public record OidcProvider(String issuer, String clientId, Optional<URI> jwksUri, Optional<String> postLogout) {
    static final String FORM = "'issuer; client-id=c', optionally '; jwks-uri=https://…' and '; post-logout=/path'";

    /** Where the discovery document is (OpenID Connect Discovery 1.0, section 4). */
    public URI discoveryUri() {
        return URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    /**
     * Parses one entry, e.g. {@code https://id.example.com/realms/r; client-id=shop}.
     *
     * @throws IllegalArgumentException naming the allowed form
     */
    static OidcProvider parse(String text) {
        String[] parts = text.split(";");
        String issuer = httpUri(parts[0].trim()).toString();
        String clientId = null;
        URI jwks = null;
        String postLogout = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            switch (name) {
                case "client-id" -> clientId = printable(value);
                case "jwks-uri" -> jwks = httpUri(value);
                case "post-logout" -> postLogout = path(value);
                default -> throw new IllegalArgumentException("unknown attribute '" + part + "', expected " + FORM);
            }
        }
        if (clientId == null) {
            throw new IllegalArgumentException("no client-id, expected " + FORM);
        }
        return new OidcProvider(issuer, clientId, Optional.ofNullable(jwks), Optional.ofNullable(postLogout));
    }

    private static URI httpUri(String text) {
        URI uri = URI.create(printable(text));
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("not an http(s) URL without query: " + text);
        }
        return uri;
    }

    /** A path of this app: never another origin ({@code //host}, {@code /\host}), so never an open redirect. */
    private static String path(String text) {
        if (!printable(text).startsWith("/") || text.startsWith("//") || text.contains("\\")) {
            throw new IllegalArgumentException("not a path of the app: " + text);
        }
        return text;
    }

    private static String printable(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("empty or not printable");
        }
        return text;
    }
}
