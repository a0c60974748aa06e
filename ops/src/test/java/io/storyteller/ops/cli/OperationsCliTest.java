package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class OperationsCliTest {

    private final CommandLine cli = new CommandLine(new StorytellerCommand());

    @Test
    void aResetTakesTheProcessorAndAPointInTime() {
        ParseResult parsed = cli.parseArgs("processors", "reset", "worlds", "--from", "2026-12-01T00:00:00Z", "--poll", "PT2S");
        ProcessorsCli.Reset reset = (ProcessorsCli.Reset) parsed.subcommand().subcommand().commandSpec().userObject();

        assertThat(reset.name).isEqualTo("worlds");
        assertThat(reset.from).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(reset.poll).hasSeconds(2);
        assertThat(reset.noWait).isFalse();
    }

    @Test
    void aSplitNamesTheSegmentAndTheEventLogItsFilters() {
        ParseResult split = cli.parseArgs("processors", "split", "stories", "1");
        assertThat(((ProcessorsCli.Split) split.subcommand().subcommand().commandSpec().userObject()).segmentId).isEqualTo(1);

        ParseResult events = new CommandLine(new StorytellerCommand()).parseArgs("events", "--aggregate", "story-1",
                "--type", "StoryStarted", "--oldest-first", "--first", "5");
        EventLogCli browse = (EventLogCli) events.subcommand().commandSpec().userObject();
        assertThat(browse.aggregateId).isEqualTo("story-1");
        assertThat(browse.eventType).isEqualTo("StoryStarted");
        assertThat(browse.oldestFirst).isTrue();
        assertThat(browse.first).isEqualTo(5);
    }

    @Test
    void withoutATokenACommandSaysSoAndFails() {
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("dead-letters", "evict", "worlds", "world-1", "--token", "");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("no token");
    }
}
