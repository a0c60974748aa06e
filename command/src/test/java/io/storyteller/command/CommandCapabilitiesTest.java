package io.storyteller.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capabilities of the command module and the one way their dependencies run: the narration
 * pipeline uses the runtimes, the runtimes use the house models, and nothing below ever reaches
 * back up. Maven cannot see any of this: it is one module.
 */
class CommandCapabilitiesTest {

    private static final String COMMAND = "io.storyteller.command.";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.storyteller.command");
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        slices().matching("io.storyteller.command.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void houseModelsKnowNothingOfNarrationRuntimesOrTheRegistry() {
        forbid("housemodel..", "narration..", "runtime..", "registry..", "discovery..", "autoswitch..");
    }

    /** The training backends use the house models; a house model never knows who asked it to train. */
    @Test
    void houseModelsKnowNothingOfTheTrainingBackends() {
        forbid("housemodel..", "training..");
    }

    @Test
    void houseModelTextUsesNoOtherCapability() {
        forbid("housemodel.text..", "housemodel.serving..", "housemodel.corpus..", "housemodel.training..");
    }

    @Test
    void houseModelServingRunsAVersionWithoutKnowingHowItWasTrained() {
        forbid("housemodel.serving..", "housemodel.corpus..", "housemodel.training..");
    }

    @Test
    void theCorpusIsReadFromEventsAlone() {
        forbid("housemodel.corpus..", "housemodel.text..", "housemodel.serving..", "housemodel.training..");
    }

    @Test
    void theBriefStandsAlone() {
        forbid("brief..", "narration..", "runtime..", "housemodel..", "registry..", "discovery..", "autoswitch..");
    }

    @Test
    void theProseNarratorKnowsItsModelOnlyAsAScorer() {
        forbid("housemodel.prose..", "housemodel.serving..", "housemodel.corpus..", "housemodel.training..");
    }

    @Test
    void runtimesNeverReachIntoNarration() {
        forbid("runtime..", "narration..", "discovery..", "registry..", "autoswitch..");
    }

    @Test
    void narrationStagesNeverReachBackToTheEngineOrEachOther() {
        forbid("narration.context..", "narration", "narration.routing..");
        forbid("narration.routing..", "narration", "narration.context..");
        forbid("narration.failure..", "narration", "narration.context..", "narration.routing..");
    }

    @Test
    void discoveryOnlyUsesTheRegistry() {
        forbid("discovery..", "narration..", "runtime..", "housemodel..", "autoswitch..");
    }

    /** Runtimes and discovery both read the endpoints; the endpoints know neither. */
    @Test
    void providerEndpointsAreConfigurationOnly() {
        forbid("endpoint..", "narration..", "runtime..", "discovery..", "registry..", "housemodel..", "autoswitch..");
    }

    @Test
    void theRegistryStandsAlone() {
        forbid("registry..", "narration..", "runtime..", "housemodel..", "discovery..", "autoswitch..");
    }

    /**
     * Classes in {@code from} use none in {@code to}; packages are relative to the command package,
     * and one without {@code ..} is that package alone, not its sub-packages.
     */
    private static void forbid(String from, String... to) {
        noClasses().that().resideInAPackage(COMMAND + from)
                .should().dependOnClassesThat().resideInAnyPackage(prefixed(to))
                .check(classes);
    }

    private static String[] prefixed(String... packages) {
        String[] full = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            full[i] = COMMAND + packages[i];
        }
        return full;
    }
}
