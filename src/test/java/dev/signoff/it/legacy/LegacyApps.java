package dev.signoff.it.legacy;

import dev.signoff.it.Deployments;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The "legacy" apps the module exists for, as the tests deploy them: the module JAR (and Derby) in
 * {@code WEB-INF/lib}, no line of SignOff code, the app's own login. Each app's pages are
 * {@link LegacyPages}; the kinds of login:
 * <ul>
 *   <li>{@link #jakartaForm}: Jakarta Security {@code @FormAuthenticationMechanismDefinition} with
 *       an {@code IdentityStore} (app A);</li>
 *   <li>{@link #containerForm}: web.xml {@code <login-config>} FORM against the server's own realm
 *       (GlassFish/Payara file realm, WildFly's ApplicationRealm, Liberty's basic registry: user
 *       {@value #REALM_USER}, set up by each server profile), and programmatic {@code request.login()}
 *       (app B);</li>
 *   <li>{@link #customMechanism}: the app's own {@code HttpAuthenticationMechanism} (app C).</li>
 * </ul>
 */
public final class LegacyApps {
    /** The user every server profile puts into the server's realm, for app B. */
    public static final String REALM_USER = "carol";
    public static final String REALM_PASSWORD = "carol-pw";

    /**
     * The lines the README gives an app on GlassFish or Open Liberty so that the server's own 500 to
     * a malformed request becomes 400 ({@code ContainerErrorPage}); the fuzz campaign's apps have them.
     */
    public static final String SERVER_ERROR_PAGES = """
                <error-page><error-code>500</error-code><location>/sessions/server_error</location></error-page>
                <error-page><error-code>503</error-code><location>/sessions/server_error</location></error-page>
            """;

    private LegacyApps() {
    }

    /** App A: Jakarta Security's form mechanism. */
    public static WebArchive jakartaForm(String name, String... settings) {
        return jakartaFormWith("", name, settings);
    }

    /** App A with more lines in its web.xml, e.g. {@link #SERVER_ERROR_PAGES}. */
    public static WebArchive jakartaFormWith(String webXmlLines, String name, String... settings) {
        return base(name, webXml(webXmlLines, settings)).addClasses(JakartaFormLogin.class, LegacyUsers.class).addAsWebInfResource(beans(), "beans.xml");
    }

    /** App B: the container's FORM login of web.xml, against the server's realm. */
    public static WebArchive containerForm(String name, String... settings) {
        return containerFormWith("", name, settings);
    }

    /** App B with more lines in its web.xml, e.g. {@link #SERVER_ERROR_PAGES}. */
    public static WebArchive containerFormWith(String webXmlLines, String name, String... settings) {
        String loginConfig = """
                    <login-config>
                        <auth-method>FORM</auth-method>
                        <realm-name>file</realm-name>
                        <form-login-config>
                            <form-login-page>/login.html</form-login-page>
                            <form-error-page>/error.html</form-error-page>
                        </form-login-config>
                    </login-config>
                """;
        return base(name, webXml(loginConfig + webXmlLines, settings));
    }

    /** App C: the app's own authentication mechanism. */
    public static WebArchive customMechanism(String name, String... settings) {
        return base(name, webXml("", settings)).addClasses(PostedCredentialsMechanism.class, LegacyUsers.class)
                .addAsWebInfResource(beans(), "beans.xml");
    }

    private static WebArchive base(String name, String webXml) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(LegacyPages.class, EndReasonsServlet.class)
                .addAsWebResource(new ClassLoaderAsset("legacy/login.html"), "login.html")
                .addAsWebResource(new ClassLoaderAsset("legacy/error.html"), "error.html")
                .addAsLibrary(Deployments.module())
                .addAsLibraries(Deployments.derby())
                .setWebXML(new StringAsset(webXml));
        return Deployments.childFirst(war);
    }

    private static StringAsset beans() {
        return new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>");
    }

    /** Plain HTTP (no Secure cookie), "**": any signed-in user may see /app/. */
    private static String webXml(String loginConfig, String... settings) {
        StringBuilder params = new StringBuilder("""
                    <context-param><param-name>signoff.session-cookie.secure</param-name><param-value>false</param-value></context-param>
                """);
        for (int i = 0; i + 1 < settings.length; i += 2) {
            params.append("    <context-param><param-name>").append(settings[i]).append("</param-name><param-value>")
                    .append(settings[i + 1]).append("</param-value></context-param>\n");
        }
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s    <security-constraint>
                        <web-resource-collection><web-resource-name>app</web-resource-name><url-pattern>/app/*</url-pattern></web-resource-collection>
                        <auth-constraint><role-name>**</role-name></auth-constraint>
                    </security-constraint>
                %s</web-app>
                """.formatted(params, loginConfig);
    }
}
