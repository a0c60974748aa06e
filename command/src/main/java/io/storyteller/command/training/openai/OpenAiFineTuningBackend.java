package io.storyteller.command.training.openai;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.endpoint.ProviderKind;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.TrainingProgress;
import io.storyteller.command.training.TrainingSupport;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes at the base model's own provider when that is an OpenAI-compatible endpoint: the SFT
 * export's train file (and its holdout as validation) is uploaded, a job created, and the job
 * watched with a growing pause until it ends; a look that fails is tried again, up to three in a
 * row. Interrupted (the fine-tuning's deadline), past {@code max-wait}, or unable to look at the job,
 * it cancels the remote job, so nothing goes on being billed unseen.
 */
public class OpenAiFineTuningBackend implements TrainingBackend {

    public static final String NAME = "openai";
    /** Looks at a job that may fail one after the other before it is given up (and cancelled). */
    static final int MAX_FAILED_LOOKS = 3;
    private static final Logger log = LoggerFactory.getLogger(OpenAiFineTuningBackend.class);

    private final ProviderEndpoints endpoints;
    private final OpenAiFineTuningProperties properties;

    public OpenAiFineTuningBackend(ProviderEndpoints endpoints, OpenAiFineTuningProperties properties) {
        this.endpoints = endpoints;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainingSupport supports(TrainingJob job) {
        String provider = provider(job);
        Optional<ProviderEndpoint> endpoint = endpoints.named(provider);
        if (endpoint.isEmpty()) {
            return TrainingSupport.no("the base model's provider '" + provider + "' is no configured endpoint");
        }
        if (endpoint.get().kind() != ProviderKind.OPENAI) {
            return TrainingSupport.no("the base model's provider '" + provider + "' is an "
                    + endpoint.get().kind().configName() + " endpoint, not an OpenAI-compatible one");
        }
        if (file(job, CorpusDataset.TRAIN).isEmpty()) {
            return TrainingSupport.no("the dataset has no SFT train file with records");
        }
        return TrainingSupport.yes();
    }

    @Override
    public TrainingOutcome train(TrainingJob job, TrainingProgress progress) {
        TrainingSupport support = supports(job);
        if (!support.supported()) {
            throw new TrainingFailedException(support.reason());
        }
        FineTuningRequest request = FineTuningRequest.of(job.hyperParameters());
        FineTuningApi api = new FineTuningApi(endpoints.named(provider(job)).orElseThrow());
        String jobId = null;
        try {
            progress.report("uploading", -1);
            String training = api.upload(job.datasetDirectory().resolve(file(job, CorpusDataset.TRAIN).orElseThrow().name()));
            String validation = null;
            Optional<CorpusFile> holdout = file(job, CorpusDataset.HOLDOUT);
            if (holdout.isPresent()) {
                validation = api.upload(job.datasetDirectory().resolve(holdout.get().name()));
            }
            jobId = api.create(model(job), training, validation, request.hyperParameters(), request.suffix());
            log.info("Fine-tuning {}: job {} created at {}", job.fineTuningId(), jobId, provider(job));
            progress.report("queued", -1);
            return watch(api, jobId, progress);
        } catch (InterruptedException e) {
            cancel(api, jobId);
            Thread.currentThread().interrupt();
            throw new TrainingFailedException("interrupted" + (jobId == null ? "" : "; remote job " + jobId + " cancelled"));
        }
    }

    private TrainingOutcome watch(FineTuningApi api, String jobId, TrainingProgress progress) throws InterruptedException {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        Duration pause = properties.pollInterval();
        Map<String, Double> metrics = Map.of();
        int failedLooks = 0;
        while (true) {
            Thread.sleep(pause);
            RemoteFineTuningJob remote;
            try {
                remote = api.job(jobId);
                failedLooks = 0;
            } catch (TrainingFailedException e) {
                // A look that failed says nothing about the job: it runs on, and is given up only after several.
                if (++failedLooks >= MAX_FAILED_LOOKS) {
                    cancel(api, jobId);
                    throw new TrainingFailedException(e.getMessage() + " (" + failedLooks + " times; remote job "
                            + jobId + " cancelled)");
                }
                pause = longer(pause);
                continue;
            }
            if (remote.status().equals("running") || remote.ended()) {
                metrics = eventMetrics(api, jobId, metrics);
            }
            if (remote.ended()) {
                return outcome(remote, metrics);
            }
            progress.report(remote.status().isBlank() ? "waiting" : remote.status(), FineTuningMetrics.fraction(metrics));
            if (System.nanoTime() > deadline) {
                cancel(api, jobId);
                throw new TrainingFailedException("remote job " + jobId + " did not end within "
                        + properties.maxWait() + " and was cancelled");
            }
            pause = longer(pause);
        }
    }

    private Duration longer(Duration pause) {
        return Duration.ofMillis(Math.min(properties.maxPollInterval().toMillis(), pause.toMillis() * 3 / 2));
    }

    /** Events are a help, not a must: a server without them leaves the last metrics as they were. */
    private static Map<String, Double> eventMetrics(FineTuningApi api, String jobId, Map<String, Double> before)
            throws InterruptedException {
        try {
            Map<String, Double> latest = FineTuningMetrics.latest(api.events(jobId));
            return latest.isEmpty() ? before : latest;
        } catch (TrainingFailedException e) {
            return before;
        }
    }

    private static TrainingOutcome outcome(RemoteFineTuningJob remote, Map<String, Double> events) {
        if (remote.status().equals("failed")) {
            throw new TrainingFailedException("remote job " + remote.id() + " failed"
                    + (remote.error() == null ? "" : ": " + remote.error()));
        }
        if (!remote.succeeded()) {
            throw new TrainingFailedException("remote job " + remote.id() + " was cancelled at the provider");
        }
        if (remote.fineTunedModel() == null || remote.fineTunedModel().isBlank()) {
            throw new TrainingFailedException("remote job " + remote.id() + " succeeded without naming its model");
        }
        Map<String, Double> metrics = new LinkedHashMap<>(events);
        if (remote.trainedTokens() != null) {
            metrics.put("trained_tokens", remote.trainedTokens().doubleValue());
        }
        if (remote.seconds() != null) {
            metrics.put("seconds", remote.seconds().doubleValue());
        }
        return new TrainingOutcome(remote.fineTunedModel(), null, null, metrics, remote.id());
    }

    private static void cancel(FineTuningApi api, String jobId) {
        if (jobId == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            api.cancel(jobId);
        } catch (TrainingFailedException | InterruptedException e) {
            log.warn("Remote fine-tuning job {} could not be cancelled: {}", jobId, e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The endpoint the base model is called at: its spec's provider, else its id's {@code <provider>:} part. */
    private static String provider(TrainingJob job) {
        if (job.baseModel() != null && job.baseModel().spec() != null && job.baseModel().spec().provider() != null) {
            return job.baseModel().spec().provider();
        }
        String id = job.base().modelId();
        int colon = id.indexOf(':');
        return colon > 0 ? id.substring(0, colon) : id;
    }

    /**
     * The provider's name of the base: a version named after the provider's model (a dated snapshot,
     * an earlier fine-tune) is called as such, as the runtimes do; otherwise the model itself.
     */
    private static String model(TrainingJob job) {
        String id = job.baseModel() != null && job.baseModel().spec() != null
                ? job.baseModel().spec().providerModelId()
                : job.base().modelId().substring(job.base().modelId().indexOf(':') + 1);
        String version = job.base().version();
        return version != null && (version.startsWith(id) || version.startsWith("ft:")) ? version : id;
    }

    private static Optional<CorpusFile> file(TrainingJob job, String split) {
        return job.files().stream()
                .filter(f -> f.dataset() == CorpusDataset.SFT && split.equals(f.split()) && f.records() > 0)
                .findFirst();
    }
}
