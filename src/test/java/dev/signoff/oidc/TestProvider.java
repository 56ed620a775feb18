package dev.signoff.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An OpenID Provider as far as a logout token's receiver meets it: its discovery document and its
 * JWKS served over real HTTP (a JDK HttpServer on a free port of 127.0.0.1), and logout tokens signed
 * with its key. For the tests of the receiver, in a server or not.
 */
public final class TestProvider implements AutoCloseable {
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;
    private final AtomicReference<JWKSet> served;
    private final AtomicInteger keyFetches = new AtomicInteger();

    private TestProvider(HttpServer server, String realm, RSAKey key) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + realm;
        this.key = key;
        this.served = new AtomicReference<>(new JWKSet(key.toPublicJWK()));
        String jwks = issuer + "/protocol/openid-connect/certs";
        context("/realms/" + realm + "/.well-known/openid-configuration", () -> "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwks
                + "\",\"end_session_endpoint\":\"" + issuer + "/protocol/openid-connect/logout\"}");
        context("/realms/" + realm + "/protocol/openid-connect/certs", () -> {
            keyFetches.incrementAndGet();
            return served.get().toString();
        });
    }

    /** A provider with realm {@code realm}, signing with a new 2048-bit RSA key of id {@code kid}. */
    public static TestProvider start(String realm, String kid) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestProvider provider = new TestProvider(server, realm, new RSAKeyGenerator(2048).keyID(kid).generate());
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another path this provider's server answers with {@code body} (JSON). */
    public void context(String path, Supplier<String> body) {
        server.createContext(path, x -> send(x, body.get()));
    }

    public String issuer() {
        return issuer;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public RSAKey key() {
        return key;
    }

    /** Serves this key set instead (a key rotation). */
    public void serve(JWKSet keys) {
        served.set(keys);
    }

    /** How often the JWKS was fetched. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** A logout token's claims that keep every rule, for {@code audience}: a new jti, issued now. */
    public JWTClaimsSet.Builder claims(String audience) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).issueTime(new Date())
                .jwtID("jti-" + System.nanoTime()).claim("events", Map.of(EVENT, Map.of()));
    }

    /** Signed RS256 with this provider's key, {@code typ} {@code logout+jwt}. */
    public String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType("logout+jwt")).build(),
                claims, key);
    }

    /** Signed with any header and key. */
    public static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
