package io.storyteller.command.narration.context;

import io.storyteller.domain.story.ContextSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A prompt ready for the narrator, with what provenance records about it.
 *
 * @param rendered        the prompt as one text (role, blank line, content per message): what the digest covers
 * @param loreEntryIds    the lore entries it holds
 * @param estimatedTokens its estimated size, used when the provider reports no usage
 * @param sources         the lore it holds with why each entry is there, for the provenance
 */
public record AssembledPrompt(Prompt prompt, String rendered, List<String> loreEntryIds, int estimatedTokens,
        List<ContextSource> sources) {

    static AssembledPrompt of(Prompt prompt, LoreSelection lore, List<Recalled.Memory> memories, int estimatedTokens) {
        List<String> ids = lore.entryIds();
        List<ContextSource> sources = new ArrayList<>();
        ids.forEach(id -> sources.add(new ContextSource("LORE", id, lore.reasons().getOrDefault(id, "selected"), 0)));
        memories.forEach(m -> sources.add(new ContextSource("MEMORY", m.beatId(), "retrieved: " + m.reason(), m.score())));
        return new AssembledPrompt(prompt, render(prompt.getInstructions()), List.copyOf(ids), estimatedTokens,
                List.copyOf(sources));
    }

    /** SHA-256 of the rendered prompt, hex: the same context always yields the same digest. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rendered.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    public static String render(List<Message> messages) {
        return messages.stream()
                .map(m -> m.getMessageType().getValue() + "\n\n" + (m.getText() == null ? "" : m.getText()))
                .collect(Collectors.joining("\n\n"));
    }
}
