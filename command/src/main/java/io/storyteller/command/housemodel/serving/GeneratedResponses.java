package io.storyteller.command.housemodel.serving;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * An in-process generation served as Spring AI answers, for every chat model that writes piece by
 * piece in this JVM (the house narrator, downloaded ONNX decoders).
 */
public final class GeneratedResponses {

    private GeneratedResponses() {
    }

    /**
     * The pieces a generation hands out, each a chunk, then a last empty chunk with the usage and
     * finish reason. When the subscriber cancels, the generation stops at its next piece.
     *
     * @param generation runs the generation, handing each piece to the consumer it is given
     */
    public static Flux<ChatResponse> stream(String modelName, Function<Consumer<String>, GenerationResult> generation) {
        String id = UUID.randomUUID().toString();
        return Flux.<ChatResponse>create(sink -> {
            try {
                GenerationResult result = generation.apply(piece -> {
                    if (sink.isCancelled()) {
                        throw new CancellationException("subscriber cancelled");
                    }
                    sink.next(of(modelName, piece, null, id));
                });
                sink.next(of(modelName, "", result, id));
                sink.complete();
            } catch (CancellationException cancelled) {
                // Nobody is listening any more: the generation stops quietly.
            } catch (RuntimeException e) {
                sink.error(e);
            }
        }, FluxSink.OverflowStrategy.BUFFER).subscribeOn(Schedulers.boundedElastic());
    }

    /** A response; {@code result} is null for a streamed chunk and set on the final (or only) one. */
    public static ChatResponse of(String modelName, String text, GenerationResult result, String id) {
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().id(id).model(modelName);
        ChatGenerationMetadata generationMetadata = ChatGenerationMetadata.NULL;
        if (result != null) {
            metadata.usage(new DefaultUsage(result.promptTokens(), result.completionTokens()));
            generationMetadata = ChatGenerationMetadata.builder().finishReason(result.finishReason()).build();
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text), generationMetadata)), metadata.build());
    }
}
