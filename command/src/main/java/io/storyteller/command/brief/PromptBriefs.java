package io.storyteller.command.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The brief of any prompt: the one it carries, or else one read back from its messages (the
 * last user message is the action, earlier user and assistant messages the recent beats, and
 * {@code - Title: content} lines of the system message the lore), so a prompt built elsewhere can
 * still be narrated.
 */
public final class PromptBriefs {

    private static final Pattern LORE_LINE = Pattern.compile("^- ([^:\\n]{1,120}): (.+)$", Pattern.MULTILINE);
    private static final Pattern WORLD = Pattern.compile("in the world \"([^\"\\n]+)\"");

    private PromptBriefs() {
    }

    public static NarrationBrief of(Prompt prompt) {
        return NarrationBrief.carriedBy(prompt).orElseGet(() -> readBack(prompt.getInstructions()));
    }

    private static NarrationBrief readBack(List<Message> messages) {
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if (messages.get(i).getMessageType() == MessageType.USER) {
                last = i;
            }
        }
        String action = last < 0 ? null : text(messages.get(last));
        List<BriefBeat> recent = new ArrayList<>();
        List<BriefLore> lore = new ArrayList<>();
        String world = null;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            switch (message.getMessageType()) {
                case SYSTEM -> {
                    Matcher name = WORLD.matcher(text(message));
                    world = world == null && name.find() ? name.group(1) : world;
                    Matcher line = LORE_LINE.matcher(text(message));
                    while (line.find()) {
                        lore.add(new BriefLore("prompt-" + lore.size(), line.group(1).strip(), "general", List.of(),
                                line.group(2).strip(), true));
                    }
                }
                case USER -> {
                    if (i != last) {
                        recent.add(new BriefBeat(true, null, text(message)));
                    }
                }
                case ASSISTANT -> recent.add(new BriefBeat(false, null, text(message)));
                default -> {
                    // Tool messages tell a narrator nothing about the story.
                }
            }
        }
        return new NarrationBrief(world, null, null, null, action, false, lore, recent, List.of());
    }

    private static String text(Message message) {
        return message.getText() == null ? "" : message.getText();
    }
}
