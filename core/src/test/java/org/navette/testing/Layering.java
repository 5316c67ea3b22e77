package org.navette.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The layering rules every module checks on its own classes (main and test), shared so that the
 * modules cannot drift apart in what "internal" means.
 *
 * <pre>{@code
 * JavaClasses mine = Layering.moduleClasses();
 * Layering.noForeignInternals().check(mine);
 * }</pre>
 *
 * <p>An {@code internal} package belongs to the package it sits under: {@code org.navette.rank.internal}
 * may be used by {@code org.navette.rank} and by packages below {@code org.navette.rank.internal},
 * nothing else; a test of another package or module must go through the public API too.
 */
public final class Layering {
    private Layering() {
    }

    /**
     * The classes this module compiled, main and test, read from the build's output folders (the
     * working directory of a Maven test run is the module's folder); dependencies' classes are
     * not imported, so each module answers for its own code only.
     */
    public static JavaClasses moduleClasses() {
        List<Path> dirs = List.of(Path.of("target", "classes"), Path.of("target", "test-classes"));
        return new ClassFileImporter().importPaths(dirs.stream().filter(Files::isDirectory).toList());
    }

    /** This module's main classes only, read from {@code target/classes}. */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /** No class depends on an {@code internal} package that is not its own package's. */
    public static ArchRule noForeignInternals() {
        return noForeignInternals(Set.of());
    }

    /**
     * As {@link #noForeignInternals()}, tolerating the listed pairs: {@code "a.b -> c.d.internal"}
     * lets classes of package {@code a.b} use {@code c.d.internal}. Each tolerated pair is a debt
     * its module's test names with the reason, not a second rule.
     */
    public static ArchRule noForeignInternals(Set<String> tolerated) {
        return classes().should(new ArchCondition<JavaClass>("use only their own package's internal Navette packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    // Navette's own packages: a library's internals are that library's concern
                    if (!target.getPackageName().startsWith("org.navette.")) {
                        continue;
                    }
                    Optional<String> owner = owner(target.getPackageName());
                    if (owner.isPresent() && !ownedBy(origin.getPackageName(), owner.get())
                            && !tolerated.contains(origin.getPackageName() + " -> " + target.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + ": " + target.getPackageName() + " is internal to " + owner.get()));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    /** The package an internal package belongs to: {@code a.b} for {@code a.b.internal} and {@code a.b.internal.c}. */
    static Optional<String> owner(String packageName) {
        String p = "." + packageName + ".";
        int i = p.indexOf(".internal.");
        return i < 0 ? Optional.empty() : Optional.of(p.substring(1, i));
    }

    private static boolean ownedBy(String packageName, String owner) {
        return packageName.equals(owner) || packageName.startsWith(owner + ".internal");
    }
}
