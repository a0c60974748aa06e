package io.storyteller.graphql.validation;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.DefineEvaluationSuite;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.FindEvaluationSuites;
import io.storyteller.domain.validation.FindModelValidations;
import io.storyteller.domain.validation.ModelValidationView;
import io.storyteller.domain.validation.ReviseEvaluationSuite;
import io.storyteller.domain.validation.ValidateCandidate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Validations and evaluation suites: each builds one message carrying the caller; the validator,
 * the suite aggregate and the query side decide who may (platform admins). A validation's id is
 * chosen here, at the edge.
 */
@Controller
public class ValidationFields {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ValidationFields(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public CompletableFuture<String> validateCandidate(@Argument ValidateCandidateInput input, Actor actor) {
        return commands.send(new ValidateCandidate("validation-" + UUID.randomUUID(), input.candidate(),
                input.incumbent(), input.useCase(), input.suite(), input.worldId(), actor, input.dataset()));
    }

    @MutationMapping
    public CompletableFuture<EvaluationSuiteView> defineEvaluationSuite(@Argument EvaluationSuiteInput input, Actor actor) {
        return commands.send(new DefineEvaluationSuite(input.name(), input.useCase(), input.dataset(), input.metrics(),
                input.tieMargin(), actor)).thenApply(done -> input.view(input.useCase()));
    }

    /** The use case stays what it was defined with: the aggregate answers it. */
    @MutationMapping
    public CompletableFuture<EvaluationSuiteView> reviseEvaluationSuite(@Argument EvaluationSuiteInput input, Actor actor) {
        return commands.<UseCase>send(new ReviseEvaluationSuite(input.name(), input.dataset(), input.metrics(),
                input.tieMargin(), actor)).thenApply(input::view);
    }

    @QueryMapping
    public CompletableFuture<List<ModelValidationView>> modelValidations(@Argument String modelId, @Argument String version,
            Actor actor) {
        return queries.query(new FindModelValidations(modelId, version, actor),
                ResponseTypes.multipleInstancesOf(ModelValidationView.class));
    }

    @QueryMapping
    public CompletableFuture<List<EvaluationSuiteView>> evaluationSuites(@Argument UseCase useCase, Actor actor) {
        return queries.query(new FindEvaluationSuites(useCase, actor), ResponseTypes.multipleInstancesOf(EvaluationSuiteView.class));
    }
}
