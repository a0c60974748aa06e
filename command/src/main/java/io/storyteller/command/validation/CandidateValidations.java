package io.storyteller.command.validation;

import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.validation.DefaultSuites;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.RecordModelValidation;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.ValidateCandidate;
import io.storyteller.domain.validation.ValidationAuthority;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ValidateCandidate}: accepted at once (answering the validation id), run on one of
 * {@code storyteller.validation.threads} threads, recorded on the candidate's model as
 * {@code ModelValidated}. The suite is the named one or the use case's default, as its own events
 * left it; the incumbent is the one named or what the use case's slot serves now. A validation
 * that cannot run (no such suite, a model nothing here runs, a dataset that cannot be read) is
 * recorded as failed with the reason, so whoever waits for it is never left waiting.
 */
public class CandidateValidations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CandidateValidations.class);

    private final SuiteRunner runner;
    private final SuiteDefinitions suites;
    private final StageSlots slots;
    private final Requests requests;
    private final CommandGateway commands;
    private final ThreadPoolExecutor validations;

    CandidateValidations(SuiteRunner runner, SuiteDefinitions suites, StageSlots slots, Requests requests,
            CommandGateway commands, int threads) {
        this.runner = runner;
        this.suites = suites;
        this.slots = slots;
        this.requests = requests;
        this.commands = commands;
        this.validations = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                BackgroundThreads.named("candidate-validation"));
    }

    @CommandHandler
    public String handle(ValidateCandidate command) {
        ValidationAuthority.require(command.actor());
        ModelRef candidate = Require.present("candidate", command.candidate()).validated("candidate");
        ModelRef incumbent = command.incumbent() == null ? null : command.incumbent().validated("incumbent");
        UseCase useCase = Require.present("useCase", command.useCase());
        String suite = blankToNull(Require.optionalText("suite", command.suite(), 100));
        String worldId = blankToNull(Require.optionalText("worldId", command.worldId(), 100));
        String validationId = command.validationId() == null || command.validationId().isBlank()
                ? UUID.randomUUID().toString() : Require.text("validationId", command.validationId(), 300);
        String suiteName = suite == null ? DefaultSuites.nameOf(useCase) : suite;
        SuiteDataset items = command.dataset() == null ? null : command.dataset().validated();
        validations.execute(() -> validate(validationId, candidate, incumbent, useCase, suiteName, items, worldId));
        return validationId;
    }

    private void validate(String validationId, ModelRef candidate, ModelRef named, UseCase useCase, String suiteName,
            SuiteDataset items, String worldId) {
        ModelRef incumbent = named;
        RecordModelValidation result;
        try {
            // Read now, not from the stages' kept answers: a slot opened seconds ago has an incumbent.
            incumbent = named != null ? named : slots.currentStable(useCase, worldId).orElse(null);
            EvaluationSuiteView defined = suite(useCase, suiteName);
            EvaluationSuiteView suite = items == null ? defined : defined.on(items);
            SuiteRun run = runner.run(suite, candidate, incumbent, worldId);
            result = ValidationVerdict.of(validationId, candidate, incumbent, suite, run);
        } catch (RuntimeException e) {
            log.warn("Validation {} of {} could not run: {}", validationId, candidate.label(), e.toString());
            String reason = e instanceof CannotValidateException || e.getMessage() != null ? e.getMessage() : e.toString();
            result = ValidationVerdict.couldNotRun(validationId, candidate, incumbent, suiteName, items, reason);
        }
        try {
            requests.await(commands.send(result));
            log.info("Validation {} of {} against {}: passed={} wins={} losses={} ties={} {}", validationId,
                    candidate.label(), incumbent == null ? "nothing" : incumbent.label(), result.passed(), result.wins(),
                    result.losses(), result.ties(), result.reasons());
        } catch (RuntimeException e) {
            log.warn("Validation {} of {} could not be recorded: {}", validationId, candidate.label(), e.toString());
        }
    }

    private EvaluationSuiteView suite(UseCase useCase, String name) {
        EvaluationSuiteView suite = suites.named(name)
                .orElseThrow(() -> new CannotValidateException("no evaluation suite " + name));
        if (suite.useCase() != useCase) {
            throw new CannotValidateException("suite " + name + " measures " + suite.useCase() + ", not " + useCase);
        }
        return suite;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public void close() {
        validations.shutdownNow();
    }
}
