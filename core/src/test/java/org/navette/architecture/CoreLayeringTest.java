package org.navette.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.navette.testing.Layering;
import org.navette.testing.ModuleLayering;

/** Core's layering: the rules hold on the compiled classes, not only in the package names. */
class CoreLayeringTest extends ModuleLayering {
    private static final JavaClasses MAIN = Layering.mainClasses();

    @Test
    void coreNeedsNoSolrHttpClientHtmlParserOrNativeBinding() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.solr..", "okhttp3..", "okio..", "org.jsoup..", "com.sun.jna..")
                .because("core is the light part every connector and embedding application pulls in")
                .check(MAIN);
    }

    @Test
    void modelDependsOnNoOtherNavettePackage() {
        noClasses().that().resideInAPackage("org.navette.model..")
                .should().dependOnClassesThat(resideInAPackage("org.navette..")
                        .and(not(resideInAnyPackage("org.navette.model..", "org.navette"))))
                .because("records and their parts are the bottom layer everything else builds on")
                .check(MAIN);
    }

    @Test
    void targetDependsOnNoOtherNavettePackage() {
        noClasses().that().resideInAPackage("org.navette.target..")
                .should().dependOnClassesThat(resideInAPackage("org.navette..")
                        .and(not(resideInAnyPackage("org.navette.target..", "org.navette"))))
                .because("query and spi both read target configuration: it must need neither")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("org.navette.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
