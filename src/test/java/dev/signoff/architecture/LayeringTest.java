package dev.signoff.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package map of the README ("How the code is laid out") as rules: imports only point down,
 * siblings do not import each other, the classes the container calls are reached only through
 * the bootstrap, and the event package is data an app can depend on without pulling anything in.
 */
class LayeringTest {
    private static final String ROOT = "dev.signoff";

    /**
     * Higher may use lower, never the other way; equal ranks are siblings that do not know each other.
     * A new package gets a row here, and a place in the README's map.
     */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("boot", 11),                    // registers everything with the container
            Map.entry("api", 10),                     // the JSON API, over the facade
            Map.entry("", 9),                         // SignOff, the facade apps inject; the credentials observer
            Map.entry("filter", 8), Map.entry("live", 8),  // the boundaries every request meets
            Map.entry("logout", 7),                   // logout as steps
            Map.entry("oidc", 6),                     // single sign-out with OpenID Providers: logout tokens in, end-session URL out
            Map.entry("web", 5), Map.entry("tokens", 5), // answers, routes, JSON, request rules; refresh-token families
            Map.entry("session", 4), Map.entry("login", 4), // session control; what a login must change
            Map.entry("limit", 3), Map.entry("metrics", 3),
            Map.entry("registry", 2),                 // JPA: the only package that talks to the database
            Map.entry("config", 1),
            Map.entry("cookies", 0), Map.entry("events", 0));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPackageWhenImportedThenHasARank() {
        TreeSet<String> unranked = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (!RANK.containsKey(area(c))) {
                unranked.add(c.getPackageName());
            }
        }
        assertEquals(new TreeSet<>(), unranked, "packages missing from RANK (and from the README's map)");
        assertTrue(MAIN.size() > 50, "the classes were imported: " + MAIN.size());
    }

    @Test
    void dependenciesWhenBetweenPackagesThenOnlyDownwards() {
        List<String> upwards = new ArrayList<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT) || area(target).equals(area(c))) {
                    continue;
                }
                Integer from = RANK.get(area(c));
                Integer to = RANK.get(area(target));
                if (from != null && to != null && from <= to) {
                    upwards.add(d.getDescription());
                }
            }
        }
        assertEquals(List.of(), upwards.stream().distinct().sorted().toList());
    }

    @Test
    void packagesWhenSlicedThenFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void containerEntryPointsWhenReferencedFromAnotherPackageThenOnlyByTheBootstrap() {
        List<String> reached = new ArrayList<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (target.getPackageName().startsWith(ROOT) && entryPoint(target)
                        && !area(c).equals(area(target)) && !area(c).equals("boot")) {
                    reached.add(d.getDescription());
                }
            }
        }
        assertEquals(List.of(), reached.stream().distinct().sorted().toList());
    }

    @Test
    void eventsWhenImportedThenOnlyRecordsAndEnumsThatNeedNothingOfSignOff() {
        for (JavaClass c : MAIN) {
            if (!area(c).equals("events") || c.getSimpleName().equals("package-info")) {
                continue;
            }
            assertTrue(c.isRecord() || c.isEnum() || c.getEnclosingClass().isPresent(), c.getName() + " is neither a record nor an enum");
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                assertFalse(target.getPackageName().startsWith(ROOT) && !area(target).equals("events"), d.getDescription());
            }
        }
    }

    /** The first package below dev.signoff ("" for the root package). */
    private static String area(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(ROOT)) {
            return "";
        }
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** A class the container instantiates and calls; an abstract base (RouteServlet) is only a shape to extend. */
    private static boolean entryPoint(JavaClass c) {
        if (c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
            return false;
        }
        return c.isAssignableTo(Servlet.class) || c.isAssignableTo(Filter.class)
                || c.isAssignableTo(ServletRequestListener.class) || c.isAssignableTo(ServletContextListener.class)
                || c.isAssignableTo(ServletContainerInitializer.class) || c.isAnnotatedWith(Path.class);
    }
}
