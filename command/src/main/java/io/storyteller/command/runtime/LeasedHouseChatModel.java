package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseChatModel;
import java.util.function.Supplier;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A world's house narrator: each generation leases the newest loaded version of the model key for
 * as long as it runs, so a version trained meanwhile serves the next call, and the replaced one is
 * closed only after its last generation ends.
 */
final class LeasedHouseChatModel implements ChatModel {

    private final Supplier<ServedRuntime> leases;
    private final GenerationSettings defaults;

    LeasedHouseChatModel(Supplier<ServedRuntime> leases, GenerationSettings defaults) {
        this.leases = leases;
        this.defaults = defaults;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        ServedRuntime lease = leases.get();
        try {
            return new HouseChatModel(lease.runtime(), defaults).call(prompt);
        } finally {
            lease.release();
        }
    }

    /** The lease ends when the stream completes, fails or is cancelled. */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.using(leases::get,
                lease -> new HouseChatModel(lease.runtime(), defaults).stream(prompt),
                ServedRuntime::release);
    }

    /** Names the version that would serve a call made now. */
    @Override
    public ChatOptions getDefaultOptions() {
        ServedRuntime lease = leases.get();
        try {
            return new HouseChatModel(lease.runtime(), defaults).getDefaultOptions();
        } finally {
            lease.release();
        }
    }
}
