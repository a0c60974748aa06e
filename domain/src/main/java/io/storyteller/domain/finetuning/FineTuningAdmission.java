package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisteredModels;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.shared.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Admits a {@link RequestFineTuning}: whether the base may be trained from is the registry's
 * fact and which backends exist is the application's, so both are checked here, before the
 * FineTuning exists, and a typo is refused at once instead of failing a step an hour later.
 */
public class FineTuningAdmission {

    static final int MAX_HYPER_PARAMETERS = 50;
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,59}");

    private final Repository<Model> models;
    private final Repository<FineTuning> fineTunings;
    private final TrainingBackendCatalog backends;

    public FineTuningAdmission(Repository<Model> models, Repository<FineTuning> fineTunings, TrainingBackendCatalog backends) {
        this.models = models;
        this.fineTunings = fineTunings;
        this.backends = backends;
    }

    @CommandHandler
    public String handle(RequestFineTuning command) throws Exception {
        String id = Require.id("fineTuningId", command.fineTuningId());
        Actor actor = FineTuningAuthority.require(command.actor());
        UseCase useCase = Require.present("useCase", command.useCase());
        ModelRef base = Require.present("base", command.base()).validated("base");
        Require.text("backend", command.backend(), 60);
        CorpusSelection dataset = dataset(command.dataset());
        Map<String, String> parameters = hyperParameters(command.hyperParameters());
        Double margin = margin(command.margin());
        String worldId = command.worldId() == null || command.worldId().isBlank() ? null : Require.id("worldId", command.worldId());
        RolloutStrategy rollout = command.rollout() == null ? null : command.rollout().validated("rollout");
        // What the request says of itself first, then what it names: the registry's base, the application's backend.
        ModelSpec spec = RegisteredModels.requireServable(models, "base", base);
        if (!useCase.accepts(spec.kind())) {
            throw DomainRejection.invalid("useCase", "accepts:" + spec.kind().name().toLowerCase(),
                    useCase + " takes no " + spec.kind() + " model, and " + base.modelId() + " is one");
        }
        String backend = backend(command.backend());
        FineTuningRequested requested = new FineTuningRequested(id, base, useCase, backend, dataset, parameters, margin,
                worldId, rollout, actor.userId());
        fineTunings.newInstance(() -> new FineTuning(requested));
        return id;
    }

    private String backend(String name) {
        String backend = Require.text("backend", name, 60);
        List<String> known = backends.names();
        if (!known.contains(backend)) {
            throw DomainRejection.invalid("backend", "one-of:" + String.join(",", known),
                    "no training backend is called " + backend + "; there are " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return backend;
    }

    /** The corpus rules, reported under this command's field name. */
    private static CorpusSelection dataset(CorpusSelection selection) {
        try {
            return Require.present("dataset", selection).validated();
        } catch (DomainRejection rejection) {
            Violation violation = rejection.violation();
            String field = violation.field().startsWith("selection.")
                    ? "dataset." + violation.field().substring("selection.".length()) : violation.field();
            throw new DomainRejection(new Violation(violation.kind(), field, violation.rule(),
                    violation.message().replace("selection.", "dataset.")));
        }
    }

    private static Map<String, String> hyperParameters(Map<String, String> parameters) {
        if (parameters == null) {
            return Map.of();
        }
        if (parameters.size() > MAX_HYPER_PARAMETERS) {
            throw DomainRejection.invalid("hyperParameters", "max-count:" + MAX_HYPER_PARAMETERS,
                    "at most " + MAX_HYPER_PARAMETERS + " hyper-parameters");
        }
        var checked = new TreeMap<String, String>();
        parameters.forEach((name, value) -> {
            if (name == null || !PARAMETER.matcher(name).matches()) {
                throw DomainRejection.invalid("hyperParameters", "name",
                        "a hyper-parameter's name is a letter then letters, digits, '_', '.', '-' (at most 60): " + name);
            }
            checked.put(name, Require.text("hyperParameters." + name, value, 200));
        });
        return checked;
    }

    private static Double margin(Double margin) {
        if (margin == null) {
            return null;
        }
        if (margin.isNaN() || margin < PromotionRule.MIN_MARGIN || margin > PromotionRule.MAX_MARGIN) {
            throw DomainRejection.invalid("margin", "range:-1..1", "margin must be between -1 and 1");
        }
        return margin;
    }
}
