package io.storyteller.ops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module table of the design, as rules: dependencies point down and never sideways between
 * command, projections, sagas and graphql, which meet only through the domain's messages.
 */
class ModuleLayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.storyteller");
    }

    @Test
    void theDomainDependsOnNoOtherModuleAndNoSpring() {
        noClasses().that().resideInAPackage("io.storyteller.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.storyteller.command..", "io.storyteller.query..", "io.storyteller.projections..",
                        "io.storyteller.sagas..", "io.storyteller.graphql..", "io.storyteller.ops..",
                        "org.springframework..", "jakarta.persistence..", "java.sql..")
                .check(classes);
    }

    @Test
    void commandReachesNeitherSidewaysNorUp() {
        forbid("io.storyteller.command..", "io.storyteller.query..", "io.storyteller.projections..",
                "io.storyteller.sagas..", "io.storyteller.graphql..", "io.storyteller.ops..");
    }

    @Test
    void projectionsReachNeitherSidewaysNorUp() {
        forbid("io.storyteller.projections..", "io.storyteller.command..", "io.storyteller.query..",
                "io.storyteller.sagas..", "io.storyteller.graphql..", "io.storyteller.ops..");
    }

    @Test
    void queryUsesOnlyTheDomainAndTheReadModelSchema() {
        forbid("io.storyteller.query..", "io.storyteller.command..", "io.storyteller.sagas..",
                "io.storyteller.graphql..", "io.storyteller.ops..");
    }

    @Test
    void sagasReachNeitherSidewaysNorUp() {
        forbid("io.storyteller.sagas..", "io.storyteller.command..", "io.storyteller.query..",
                "io.storyteller.projections..", "io.storyteller.graphql..", "io.storyteller.ops..");
    }

    @Test
    void graphqlReachesNeitherSidewaysNorUp() {
        forbid("io.storyteller.graphql..", "io.storyteller.command..", "io.storyteller.query..",
                "io.storyteller.projections..", "io.storyteller.sagas..", "io.storyteller.ops..");
    }

    private static void forbid(String module, String... others) {
        noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .check(classes);
    }
}
