package io.storyteller.command.endpoint;

/**
 * An endpoint's default chat options, used where a call sets none: the model a call without a
 * pinned model asks for (the endpoint as the default narrator), and sampling. Every field may be
 * unset (null): then the provider's own default applies.
 */
public record EndpointOptions(String model, Double temperature, Double topP, Integer maxTokens) {

    public static EndpointOptions none() {
        return new EndpointOptions(null, null, null, null);
    }

    public boolean namesAModel() {
        return model != null && !model.isBlank();
    }
}
