package io.storyteller.command.training.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The external-command backend runs real small programs (POSIX shell scripts) and takes what they write. */
class ExternalCommandBackendTest {

    @TempDir
    Path dir;

    private ExternalCommandBackend backend(String script, Duration timeout, List<String> useCases) throws IOException {
        Path file = dir.resolve("train.sh");
        Files.writeString(file, script);
        return new ExternalCommandBackend(new ExternalCommandProperties("/bin/sh",
                List.of(file.toString(), "{dataset}", "{output}", "{hyperparameters}", "{useCase}", "{baseModel}"),
                useCases, timeout, DataSize.ofKilobytes(4), List.of("PATH"), Map.of("TRAINER_MODE", "test")));
    }

    private TrainingJob job() throws IOException {
        Path dataset = Files.createDirectories(dir.resolve("export"));
        Files.writeString(dataset.resolve("detector-train.jsonl"), "{\"text\":\"a\",\"label\":\"human\"}\n");
        return new TrainingJob("ft-9", new ModelRef("house:detector", "3"), null, UseCase.DETECTOR, dataset,
                List.of(new CorpusFile(CorpusDataset.DETECTOR, "train", "detector-train.jsonl", 1, "x")),
                Map.of("epochs", "2"), dir.resolve("runs").resolve("ft-9"));
    }

    @Test
    void aProgramThatWritesItsModelAndMetricsYieldsTheDirectoryAndTheNumbers() throws Exception {
        ExternalCommandBackend backend = backend("""
                set -e
                [ "$(pwd)" = "$2" ] || { echo "wrong directory $(pwd)" >&2; exit 9; }
                cp "$1/detector-train.jsonl" seen.jsonl
                cp "$3" params-seen.json
                printf 'weights for %s from %s in %s mode' "$4" "$5" "$TRAINER_MODE" > model.bin
                [ -z "$HOME_SHOULD_NOT_PASS" ] || exit 8
                echo '{"loss": 0.25, "accuracy": 0.9, "note": "not a number"}' > metrics.json
                echo "epoch 1 done"
                """, Duration.ofSeconds(30), List.of());
        TrainingJob job = job();

        TrainingOutcome outcome = backend.train(job, (stage, fraction) -> { });

        Path output = job.outputDirectory().toAbsolutePath();
        assertThat(outcome.artifactDirectory()).isEqualTo(output);
        assertThat(outcome.providerModel()).isNull();
        assertThat(outcome.metrics()).containsEntry("loss", 0.25).containsEntry("accuracy", 0.9)
                .doesNotContainKey("note").containsKey("seconds");
        assertThat(Files.readString(output.resolve("model.bin"))).isEqualTo("weights for DETECTOR from house:detector in test mode");
        assertThat(Files.readString(output.resolve("params-seen.json"))).isEqualTo("{\"epochs\":\"2\"}");
        assertThat(Files.readString(output.resolveSibling("ft-9.log"))).contains("epoch 1 done");
    }

    @Test
    void aNonZeroExitFailsWithTheLastLinesOfItsErrors() throws Exception {
        ExternalCommandBackend backend = backend("""
                for i in 1 2 3 4 5 6 7; do echo "warming $i" >&2; done
                echo "CUDA out of memory" >&2
                exit 3
                """, Duration.ofSeconds(30), List.of());

        assertThatThrownBy(() -> backend.train(job(), (stage, fraction) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("the training program exited with 3: warming 4 | warming 5 | warming 6 | warming 7 | CUDA out of memory");
    }

    @Test
    void aProgramPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path childPid = dir.resolve("child.pid");
        ExternalCommandBackend backend = backend("""
                sleep 60 &
                echo $! > %s
                wait
                """.formatted(childPid), Duration.ofSeconds(1), List.of());
        long started = System.nanoTime();

        assertThatThrownBy(() -> backend.train(job(), (stage, fraction) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("the training program did not end within PT1S and was killed");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        long pid = Long.parseLong(Files.readString(childPid).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> !running(pid));
    }

    @Test
    void anInterruptedTrainingStopsTheProgramWithItsChildren() throws Exception {
        Path childPid = dir.resolve("child.pid");
        ExternalCommandBackend backend = backend("""
                sleep 60 &
                echo $! > %s
                wait
                """.formatted(childPid), Duration.ofMinutes(5), List.of());
        TrainingJob job = job();
        CompletableFuture<TrainingOutcome> training = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                training.complete(backend.train(job, (stage, fraction) -> { }));
            } catch (RuntimeException e) {
                training.completeExceptionally(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(childPid) && !Files.readString(childPid).isBlank());

        worker.interrupt();

        assertThatThrownBy(() -> training.get(15, TimeUnit.SECONDS)).cause().isInstanceOf(TrainingFailedException.class)
                .hasMessage("interrupted; the training program was stopped");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> !running(pid));
    }

    /** A killed child may stay a zombie until its new parent reaps it: it runs no more. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String fields = Files.readString(stat);
        return !fields.substring(fields.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void aProgramThatWritesNothingButMetricsIsRejected() throws Exception {
        ExternalCommandBackend backend = backend("echo '{\"loss\": 1}' > metrics.json\n", Duration.ofSeconds(30), List.of());

        assertThatThrownBy(() -> backend.train(job(), (stage, fraction) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("the training program exited with 0 but wrote no model files into ft-9");
    }

    @Test
    void aLogBeyondItsLimitIsCutAndTheProgramStillEnds() throws Exception {
        ExternalCommandBackend backend = backend("""
                i=0; while [ $i -lt 2000 ]; do echo "line $i of a chatty trainer"; i=$((i+1)); done
                echo ok > model.bin
                """, Duration.ofSeconds(30), List.of());
        TrainingJob job = job();

        backend.train(job, (stage, fraction) -> { });

        Path log = job.outputDirectory().toAbsolutePath().resolveSibling("ft-9.log");
        assertThat(Files.size(log)).isLessThan(4096 + 100);
        assertThat(Files.readString(log)).endsWith("[log limit reached; the rest is not kept]\n");
    }

    @Test
    void itIsOffUntilAProgramIsConfiguredAndKeepsToItsUseCases() throws Exception {
        ExternalCommandBackend off = new ExternalCommandBackend(new ExternalCommandProperties(null, null, null,
                Duration.ofHours(1), DataSize.ofMegabytes(1), null, null));
        assertThat(off.supports(job()).reason())
                .isEqualTo("no training program is configured (storyteller.training.command.program)");
        assertThatThrownBy(() -> off.train(job(), (stage, fraction) -> { })).isInstanceOf(TrainingFailedException.class);

        assertThat(backend("exit 0", Duration.ofSeconds(5), List.of("NARRATOR")).supports(job()).reason())
                .isEqualTo("the training program trains NARRATOR, not DETECTOR (storyteller.training.command.use-cases)");
        assertThat(backend("exit 0", Duration.ofSeconds(5), List.of("DETECTOR")).supports(job()).supported()).isTrue();
        ExternalCommandBackend missing = new ExternalCommandBackend(new ExternalCommandProperties(
                dir.resolve("no-such-trainer").toString(), null, null, Duration.ofHours(1), DataSize.ofMegabytes(1), null, null));
        assertThat(missing.supports(job()).reason()).endsWith("no-such-trainer is missing or not executable");
    }
}
