package io.storyteller.ops.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Maven cannot see: no package cycles anywhere, the read side reads only the read-model schema,
 * constructor injection, and the boundaries between the capabilities inside each module. (Which
 * module may depend on which is the POMs' business: a wrong dependency does not compile.)
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test classes shared as a module's test-jar (the benchmarks' tiny ONNX models) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.storyteller");
    }

    @Test
    void noTwoPackagesImportEachOtherInACircle() {
        slices().matching("io.storyteller.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void queryReadsOnlyTheReadModelSchemaOfTheProjections() {
        noClasses().that().resideInAPackage("io.storyteller.query..")
                .should().dependOnClassesThat(resideInAPackage("io.storyteller.projections..")
                        .and(not(resideInAPackage("io.storyteller.projections.schema.."))))
                .check(classes);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        // Sagas are the exception Axon forces: it injects their resources into transient fields.
        noFields().that().areDeclaredInClassesThat().areNotAnnotatedWith(Saga.class)
                .should().beAnnotatedWith(Autowired.class)
                .check(classes);
    }

    @Test
    void theDomainDoesNoInputOrOutput() {
        noClasses().that().resideInAPackage("io.storyteller.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "java.net..",
                        "java.nio.file..", "java.net.http..")
                .check(classes);
    }

    @Test
    void eachProjectionOwnsItsReadModelAndSharesOnlyTheSchema() {
        slices().matching("io.storyteller.projections.(*)..").namingSlices("projection $1")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("io.storyteller.projections.."), resideInAPackage("io.storyteller.projections.schema.."))
                .check(classes);
    }

    @Test
    void eachQueryAreaAnswersOnItsOwnWithTheSharedReadRules() {
        slices().matching("io.storyteller.query.(*)..").namingSlices("query $1")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("io.storyteller.query.."), resideInAPackage("io.storyteller.query.access.."))
                .check(classes);
    }

    @Test
    void apiAreasMeetOnlyInTheSharedApiPackages() {
        slices().matching("io.storyteller.graphql.(*)..").namingSlices("api $1")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("io.storyteller.graphql.."), resideInAnyPackage(
                        "io.storyteller.graphql.caller..", "io.storyteller.graphql.error..", "io.storyteller.graphql.scalars..",
                        "io.storyteller.graphql.limits..", "io.storyteller.graphql.security.."))
                .check(classes);
    }

    @Test
    void theApiHandsEverythingToTheGateways() {
        // Only the error mapping knows the framework's exceptions, to translate them.
        noClasses().that().resideInAPackage("io.storyteller.graphql..").and().resideOutsideOfPackage("io.storyteller.graphql.error..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..",
                        "org.axonframework.eventsourcing..", "org.axonframework.modelling.command..")
                .check(classes);
    }
}
