package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyteller processors list|reset|split|merge}: the event processors of a running server,
 * through its GraphQL API (so each action is checked and recorded there). Platform admins only.
 */
@Command(name = "processors", mixinStandardHelpOptions = true,
        description = "List, reset and replay event processors, split and merge their segments, through a running server.",
        subcommands = {ProcessorsCli.ListProcessors.class, ProcessorsCli.Reset.class, ProcessorsCli.Split.class,
                ProcessorsCli.Merge.class, CommandLine.HelpCommand.class})
public class ProcessorsCli {

    static final String SEGMENTS = "segments { segmentId mask owner claimedHere position replaying replayProgress error }";
    static final String PROCESSOR = "name running supportsReset position head lag replaying replayProgress error deadLetterSequences "
            + SEGMENTS;

    @Command(name = "list", description = "Every processor: position, lag, replay, errors, dead letters and segments.")
    static class ListProcessors implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;

        @Override
        public Integer call() {
            JsonNode processors = server.call("{ eventProcessors { " + PROCESSOR + " } }", Map.of()).path("eventProcessors");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-34s %-8s %10s %8s %-16s %6s  %s%n", "PROCESSOR", "STATE", "POSITION", "LAG", "REPLAY", "DLQ", "SEGMENTS");
            processors.forEach(p -> out.printf("%-34s %-8s %10d %8d %-16s %6d  %s%n", p.path("name").asText(),
                    p.path("error").isTextual() ? "ERROR" : p.path("running").asBoolean() ? "running" : "stopped",
                    p.path("position").asLong(), p.path("lag").asLong(), replay(p), p.path("deadLetterSequences").asLong(),
                    segments(p.path("segments"))));
            out.flush();
            return 0;
        }
    }

    @Command(name = "reset", description = "Reset a processor and replay (from the start, or --from a point in time); "
            + "shows the replay's progress until it has caught up with the log as it was at the reset.")
    static class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "NAME", description = "the processor's name (see processors list)")
        String name;
        @Option(names = "--from", description = "replay from the first event at or after this ISO-8601 instant, e.g. 2026-12-01T00:00:00Z")
        Instant from;
        @Option(names = "--no-wait", description = "return once reset, without following the replay")
        boolean noWait;
        @Option(names = "--poll", defaultValue = "PT0.5S", converter = DurationConverter.class,
                description = "how often the replay is asked about (default: ${DEFAULT-VALUE})")
        Duration poll;
        @Option(names = "--timeout", defaultValue = "PT1H", converter = DurationConverter.class,
                description = "give up following after this long (default: ${DEFAULT-VALUE}); the replay goes on")
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> variables = new HashMap<>();
            variables.put("n", name);
            variables.put("f", from == null ? null : from.toString());
            JsonNode reset = server.call("mutation($n: String!, $f: DateTime) { resetProcessor(name: $n, from: $f) { name from headAtReset } }",
                    variables).path("resetProcessor");
            long target = reset.path("headAtReset").asLong();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s reset to %s; replaying up to event %d%n", reset.path("name").asText(),
                    reset.path("from").isTextual() ? reset.path("from").asText() : "the start of the log", target);
            out.flush();
            return noWait ? 0 : follow(target) ? 0 : 1;
        }

        /** Polls the processor until every segment has passed the head at the reset; false when the timeout came first. */
        private boolean follow(long target) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("replay " + name).setInitialMax(target + 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                while (true) {
                    JsonNode processor = server.call("query($n: String!) { eventProcessor(name: $n) { position replayProgress error } }",
                            Map.of("n", name)).path("eventProcessor");
                    long position = processor.path("position").asLong();
                    bar.stepTo(Math.clamp(position + 1, 0, target + 1));
                    if (position >= target) {
                        return true;
                    }
                    if (processor.path("error").isTextual()) {
                        bar.setExtraMessage(" error: " + processor.path("error").asText());
                    }
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    Thread.sleep(poll.toMillis());
                }
            }
        }
    }

    @Command(name = "split", description = "Split a segment of a processor in two.")
    static class Split implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "SEGMENT", description = "the segment's id")
        int segmentId;

        @Override
        public Integer call() {
            return change(spec, server, "splitSegment", name, segmentId);
        }
    }

    @Command(name = "merge", description = "Merge a segment of a processor with its sibling.")
    static class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "SEGMENT", description = "the segment's id")
        int segmentId;

        @Override
        public Integer call() {
            return change(spec, server, "mergeSegment", name, segmentId);
        }
    }

    private static int change(CommandSpec spec, ServerConnection server, String mutation, String name, int segmentId) {
        JsonNode change = server.call("mutation($n: String!, $s: Int!) { " + mutation + "(name: $n, segmentId: $s) { name segmentId change succeeded "
                + SEGMENTS + " } }", Map.of("n", name, "s", segmentId)).path(mutation);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s of segment %d of %s: %s; segments now %s%n", change.path("change").asText(), segmentId, name,
                change.path("succeeded").asBoolean() ? "done" : "NOT done", segments(change.path("segments")));
        out.flush();
        return change.path("succeeded").asBoolean() ? 0 : 1;
    }

    static String replay(JsonNode processor) {
        if (!processor.path("replaying").asBoolean()) {
            return "-";
        }
        return processor.path("replayProgress").isNumber()
                ? String.format("replaying %3.0f%%", processor.path("replayProgress").asDouble() * 100) : "replaying";
    }

    static String segments(JsonNode segments) {
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(text.isEmpty() ? "" : ", ").append(s.path("segmentId").asInt()).append('/')
                .append(s.path("mask").asInt()).append(s.path("claimedHere").asBoolean() ? " here"
                        : s.path("owner").isTextual() ? " " + s.path("owner").asText() : " unclaimed"));
        return text.toString();
    }
}
