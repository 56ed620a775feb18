package dev.signoff.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The archives integration tests deploy. Each is the demo WAR the build produced (with the module
 * JAR inside, as an app ships it), renamed so its context root is {@code /<name>}, with extra
 * context-params (settings) put into its web.xml.
 */
public final class Deployments {
    private static final Path DEMO_WAR = Path.of(System.getProperty("signoff.demoWar", "target/signoff-demo.war"));
    private static final Path MODULE_JAR = Path.of(System.getProperty("signoff.moduleJar", "target/signoff.jar"));
    private static final Path DEMO_WEB_XML = Path.of("webapp/src/main/webapp/WEB-INF/web.xml");

    private Deployments() {
    }

    /**
     * The demo app at context root {@code /name}, with the given settings as context-params.
     *
     * @param settings pairs of key and value, e.g. {@code "signoff.idle-timeout", "2s"}
     */
    public static WebArchive demo(String name, String... settings) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(DEMO_WAR.toFile()).as(WebArchive.class);
        war.delete("WEB-INF/web.xml");
        war.setWebXML(new StringAsset(webXml(settings)));
        return childFirst(war);
    }

    /**
     * A small app of its own at context root {@code /name}, as one that only drops the JAR in: these
     * classes (CDI beans by annotation), the module and Derby in WEB-INF/lib, and a web.xml with
     * plain-HTTP session cookies and the given settings as context-params.
     *
     * @param settings pairs of key and value, e.g. {@code "signoff.staleness", "0"}
     */
    public static WebArchive app(String name, List<Class<?>> classes, String... settings) {
        StringBuilder xml = new StringBuilder("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                + "<context-param><param-name>signoff.session-cookie.secure</param-name><param-value>false</param-value></context-param>");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            xml.append("<context-param><param-name>").append(settings[i]).append("</param-name><param-value>").append(settings[i + 1])
                    .append("</param-value></context-param>");
        }
        return childFirst(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes.toArray(Class<?>[]::new))
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsLibrary(module())
                .addAsLibraries(derby())
                .addAsWebInfResource(new StringAsset(xml.append("</web-app>").toString()), "web.xml"));
    }

    /**
     * The archive with {@code <distributable/>} in its web.xml: a clustered server then replicates
     * its HttpSessions (SignOff's own web fragment is distributable too).
     */
    public static WebArchive distributable(WebArchive war) {
        String xml = new String(readAll(war.get("WEB-INF/web.xml").getAsset().openStream()), StandardCharsets.UTF_8);
        war.delete("WEB-INF/web.xml");
        return war.setWebXML(new StringAsset(xml.replaceFirst("</display-name>", "</display-name>\n    <distributable/>")));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an archive's entry", e);
        }
    }

    /**
     * GlassFish embedded runs in the test JVM, whose class path also holds the module's classes;
     * its web class loader asks the parent first, so without this the app would run the module
     * classes from the test class path, outside the app's injection and persistence setup.
     * Payara reads the same descriptor but shares no class path with the tests, so its runs set
     * {@code signoff.it.child-first=false}: the WAR then loads classes as an app's does there.
     */
    public static WebArchive childFirst(WebArchive war) {
        if (!Boolean.parseBoolean(System.getProperty("signoff.it.child-first", "true"))) {
            return war;
        }
        return war.addAsWebInfResource(new StringAsset("<glassfish-web-app><class-loader delegate=\"false\"/></glassfish-web-app>"),
                "glassfish-web.xml");
    }

    /**
     * The module alone, as the JAR the build produced (for WARs other than the demo): the packaged
     * JAR, with its shaded user-agent parser, when the build made one; else {@code target/classes}.
     * Add {@link #derby()} beside it, as an app does: only some servers (GlassFish) ship Derby.
     */
    public static JavaArchive module() {
        if (Files.isRegularFile(MODULE_JAR)) {
            return ShrinkWrap.create(ZipImporter.class, "signoff.jar").importFrom(MODULE_JAR.toFile()).as(JavaArchive.class);
        }
        return ShrinkWrap.create(ExplodedImporter.class, "signoff.jar")
                .importDirectory(new File("target/classes")).as(JavaArchive.class);
    }

    /** The Derby JARs an app puts into WEB-INF/lib for the default registry, taken from the demo WAR. */
    public static JavaArchive[] derby() {
        WebArchive demo = ShrinkWrap.create(ZipImporter.class, "demo.war").importFrom(DEMO_WAR.toFile()).as(WebArchive.class);
        JavaArchive[] jars = demo.getContent(path -> path.get().matches("/WEB-INF/lib/derby[a-z]*-[0-9.]+\\.jar")).keySet().stream()
                .map(path -> ShrinkWrap.create(JavaArchive.class, path.get().substring(path.get().lastIndexOf('/') + 1))
                        .merge(demo.getAsType(JavaArchive.class, path)))
                .toArray(JavaArchive[]::new);
        if (jars.length == 0) {
            throw new IllegalStateException("no Derby JARs in " + DEMO_WAR);
        }
        return jars;
    }

    private static String webXml(String... settings) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            params.append("    <context-param><param-name>").append(settings[i])
                    .append("</param-name><param-value>").append(settings[i + 1])
                    .append("</param-value></context-param>\n");
        }
        try {
            String xml = Files.readString(DEMO_WEB_XML, StandardCharsets.UTF_8);
            for (int i = 0; i + 1 < settings.length; i += 2) {
                // A setting given here replaces the demo's own context-param of that name.
                xml = xml.replaceAll("(?s)<context-param>\\s*(<description>.*?</description>\\s*)?<param-name>"
                        + java.util.regex.Pattern.quote(settings[i]) + "</param-name>.*?</context-param>", "");
            }
            int at = xml.indexOf("<context-param>");
            if (at < 0) {
                at = xml.lastIndexOf("</web-app>");
            }
            return xml.substring(0, at) + params + xml.substring(at);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo's web.xml", e);
        }
    }
}
