package io.storyteller.command.training.external;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The training program the {@code command} backend runs ({@code storyteller.training.command.*}).
 * Unset {@code program}: the backend is off. Arguments may hold the placeholders
 * {@code {dataset}}, {@code {output}}, {@code {hyperparameters}} (a JSON file of the job's
 * hyper-parameters), {@code {useCase}}, {@code {baseModel}} and {@code {baseVersion}}.
 *
 * @param program     the executable: an absolute path, or a name looked up on the {@code PATH}
 * @param args        its arguments, each with placeholders replaced; never passed through a shell
 * @param useCases    the use cases it can train; empty: any
 * @param timeout     how long a run may take before its process tree is killed
 * @param logLimit    the most of its standard output and error kept in the log file
 * @param passEnvironment names of this process's environment variables handed on (nothing else is)
 * @param environment variables set for it, e.g. {@code CUDA_VISIBLE_DEVICES}
 */
@ConfigurationProperties("storyteller.training.command")
public record ExternalCommandProperties(String program,
        @DefaultValue({"{dataset}", "{output}", "{hyperparameters}"}) List<String> args,
        List<String> useCases,
        @DefaultValue("6h") Duration timeout,
        @DefaultValue("1MB") DataSize logLimit,
        @DefaultValue({"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}) List<String> passEnvironment,
        Map<String, String> environment) {

    public ExternalCommandProperties {
        program = program == null || program.isBlank() ? null : program.strip();
        args = args == null ? List.of() : List.copyOf(args);
        useCases = useCases == null ? List.of() : useCases.stream().map(String::strip).toList();
        passEnvironment = passEnvironment == null ? List.of() : List.copyOf(passEnvironment);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("storyteller.training.command.timeout must be positive");
        }
        if (logLimit == null || logLimit.toBytes() < 1024) {
            throw new IllegalArgumentException("storyteller.training.command.log-limit must be at least 1KB");
        }
    }

    public boolean configured() {
        return program != null;
    }
}
