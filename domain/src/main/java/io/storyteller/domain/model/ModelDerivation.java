package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Derives named variants. Whether a variant may be made is its base's decision, so the command
 * loads the base model (read only) and then creates the variant, in one unit of work.
 */
public class ModelDerivation {

    /** Names like {@code narrator-noir}: lower case, digits, dots, dashes and underscores. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final Repository<Model> bases;
    private final Repository<Model> models;

    /** As the application wires it: bases and variants live in the one Model repository. */
    public ModelDerivation(Repository<Model> models) {
        this(models, models);
    }

    public ModelDerivation(Repository<Model> bases, Repository<Model> models) {
        this.bases = bases;
        this.models = models;
    }

    @CommandHandler
    public String handle(DeriveModelVariant command) throws Exception {
        String variantId = Require.id("variantModelId", command.variantModelId());
        Actor actor = ModelAuthority.require(command.actor());
        String name = Require.text("name", command.name(), 100);
        if (!NAME.matcher(name).matches()) {
            throw DomainRejection.invalid("name", "slug",
                    "a variant's name is lower case letters, digits, '.', '-' and '_', like narrator-noir");
        }
        ModelRef base = Require.present("base", command.base()).validated("base");
        if (base.modelId().equals(variantId)) {
            throw DomainRejection.invalid("base.modelId", "not-the-variant", "a variant is derived from another model, not from itself");
        }
        UseCase useCase = Require.present("useCase", command.useCase());
        if (!useCase.accepts(ModelKind.CHAT)) {
            throw DomainRejection.invalid("useCase", "accepts:chat", "a variant is a chat preset; " + useCase + " takes no chat model");
        }
        String systemPrompt = Require.optionalText("systemPrompt", command.systemPrompt(), 8000);
        SamplingParameters sampling = command.sampling() == null ? null : command.sampling().validated("sampling");
        ModelVariantDerived variant = new ModelVariantDerived(variantId, name, requireChatBase(base), base, useCase,
                systemPrompt, sampling, actor.userId());
        models.newInstance(() -> new Model(variant));
        return variantId;
    }

    private ModelSpec requireChatBase(ModelRef base) {
        ModelSpec spec = RegisteredModels.requireServable(bases, "base", base);
        if (spec.kind() != ModelKind.CHAT) {
            throw DomainRejection.invalid("base.modelId", "kind:chat",
                    "variants are made of chat models; " + base.modelId() + " is " + spec.kind());
        }
        return spec;
    }
}
