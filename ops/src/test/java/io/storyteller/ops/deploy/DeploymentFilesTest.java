package io.storyteller.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files say what the application reads: every environment variable of the Compose
 * services and the Kubernetes pod binds to the property it is meant for (Spring's relaxed binding
 * of environment names), the probes ask the actuator's liveness and readiness groups on the port
 * the application listens on, the image's user is the pod's, and Compose runs two instances.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");

    @Test
    void composeRunsTwoInstancesOnAxonServerPostgresAndOpenSearch() throws IOException {
        Map<String, Object> services = section(yaml(DEPLOY.resolve("compose.yaml")), "services");
        List<String> instances = services.keySet().stream().filter(name -> name.startsWith("storyteller-")).toList();
        assertThat(instances).hasSize(2);
        assertThat(services).containsKeys("axonserver", "postgres", "opensearch");
        List<Object> hostPorts = new ArrayList<>();
        List<Object> volumes = new ArrayList<>();
        for (String instance : instances) {
            Map<String, Object> service = section(services, instance);
            assertThat(section(service, "depends_on")).containsOnlyKeys("postgres", "opensearch", "axonserver");
            hostPorts.addAll((List<?>) service.get("ports"));
            volumes.addAll((List<?>) service.get("volumes"));

            StandardEnvironment environment = environment(strings(section(service, "environment")));
            Binder binder = Binder.get(environment);
            assertThat(environment.getActiveProfiles()).containsExactly("axonserver");
            assertThat(environment.getProperty("AXON_SERVERS")).isEqualTo("axonserver:8124");
            assertThat(binder.bind("spring.datasource.url", String.class).get())
                    .isEqualTo("jdbc:postgresql://postgres:5432/storyteller");
            assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("<POSTGRES_PASSWORD>");
            assertThat(binder.bind("storyteller.opensearch.uris", Bindable.listOf(String.class)).get())
                    .containsExactly("http://opensearch:9200");
            assertThat(binder.bind("storyteller.seed.enabled", Boolean.class).get()).isFalse();
        }
        assertThat(hostPorts).doesNotHaveDuplicates().allSatisfy(port -> assertThat((String) port).endsWith(":8080"));
        assertThat(volumes).as("one data directory for both: the model versions and datasets each reads")
                .containsOnly("storyteller-data:/var/lib/storyteller");
    }

    @Test
    void theKubernetesPodReadsItsSettingsAndSecretsUnderTheApplicationsPropertyNames() throws IOException {
        List<Map<String, Object>> documents = yamlAll(DEPLOY.resolve("kubernetes/storyteller.yaml"));
        Map<String, String> env = new LinkedHashMap<>(strings(section(byKind(documents, "ConfigMap"), "data")));
        Map<String, Object> pod = section(section(section(byKind(documents, "Deployment"), "spec"), "template"), "spec");
        Map<String, Object> container = list(pod, "containers").getFirst();
        for (Map<String, Object> variable : list(container, "env")) {
            Object value = variable.get("value");
            env.put((String) variable.get("name"), value != null ? value.toString()
                    : "<" + section(section(variable, "valueFrom"), "secretKeyRef").get("key") + ">");
        }
        StandardEnvironment environment = environment(env);
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("spring.datasource.username", String.class).get()).isEqualTo("<postgres-username>");
        assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("<postgres-password>");
        assertThat(binder.bind("storyteller.opensearch.username", String.class).get()).isEqualTo("<opensearch-username>");
        assertThat(binder.bind("storyteller.metrics.password", String.class).get()).isEqualTo("<metrics-password>");
        assertThat(binder.bind("spring.security.oauth2.resourceserver.jwt.issuer-uri", String.class).get())
                .startsWith("https://");
        assertThat(binder.bind("management.otlp.tracing.endpoint", String.class).get()).endsWith("/v1/traces");
        ProviderEndpoint openai = ProviderEndpoints.configured(environment).named("openai").orElseThrow();
        assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com");
        assertThat(openai.fromSpringAi()).isFalse();

        Map<String, Object> port = list(container, "ports").getFirst();
        assertThat(port).containsEntry("containerPort", 8080);
        assertThat(section(section(container, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", port.get("name"));
        assertThat(section(section(container, "readinessProbe"), "httpGet"))
                .containsEntry("path", "/actuator/health/readiness").containsEntry("port", port.get("name"));
        assertThat(section(pod, "securityContext")).containsEntry("runAsUser", 10001).containsEntry("runAsNonRoot", true);
        Map<String, Object> data = list(pod, "volumes").stream().filter(v -> "data".equals(v.get("name"))).findFirst().orElseThrow();
        String claim = (String) section(data, "persistentVolumeClaim").get("claimName");
        Map<String, Object> shared = documents.stream().filter(d -> "PersistentVolumeClaim".equals(d.get("kind"))
                && claim.equals(section(d, "metadata").get("name"))).findFirst().orElseThrow();
        assertThat(section(shared, "spec").get("accessModes")).as("every pod mounts the one data directory")
                .isEqualTo(List.of("ReadWriteMany"));
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile"))).contains("USER 10001")
                .contains("EXPOSE 8080")
                // the cache the training run writes is the one the service starts with
                .contains("-XX:AOTCacheOutput=storyteller.aot").contains("\"-XX:AOTCache=storyteller.aot\", \"-jar\", \"storyteller.jar\"");
    }

    /** The process environment a container would get: required values (`${X:?…}`) stand in as {@code <X>}. */
    private static StandardEnvironment environment(Map<String, String> variables) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Matcher required = REQUIRED.matcher(value);
            resolved.put(name, required.matches() ? "<" + required.group(1) + ">" : value);
        });
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, resolved));
        String profiles = environment.getProperty("spring.profiles.active");
        if (profiles != null) {
            environment.setActiveProfiles(profiles.split(","));
        }
        return environment;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yamlAll(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml().loadAll(reader).forEach(document -> documents.add((Map<String, Object>) document));
        }
        return documents;
    }

    private static Map<String, Object> byKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
