package io.storyteller.command.acquisition.hub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the platform reaches the Hugging Face Hub ({@code storyteller.hub.*}).
 *
 * @param baseUrl        the Hub, or a mirror speaking its API
 * @param token          sent as a bearer token for gated repositories; never logged, never in an event
 * @param connectTimeout to open a connection
 * @param readTimeout    to wait for an answer, and between two chunks of a download
 * @param licenses       license ids (lower case) a candidate may carry to be ranked among the eligible
 * @param maxSize        the largest repository (all files at a revision) ranked eligible or downloaded
 * @param downloadThreads acquisitions downloading at the same time; more wait their turn
 */
@ConfigurationProperties("storyteller.hub")
public record HubProperties(@DefaultValue("https://huggingface.co") URI baseUrl,
        String token,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue({"apache-2.0", "mit", "bsd-2-clause", "bsd-3-clause", "cc-by-4.0", "cc0-1.0", "openrail",
                "bigscience-openrail-m", "creativeml-openrail-m", "llama3.1", "llama3.2", "gemma"}) List<String> licenses,
        @DefaultValue("20GB") DataSize maxSize,
        @DefaultValue("1") int downloadThreads) {

    public HubProperties {
        String scheme = baseUrl == null ? null : baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("storyteller.hub.base-url must be an http(s) address with a host");
        }
        token = token == null || token.isBlank() ? null : token.strip();
        licenses = licenses == null ? List.of() : licenses.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        if (maxSize == null || maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("storyteller.hub.max-size must be positive");
        }
        if (downloadThreads < 1 || downloadThreads > 16) {
            throw new IllegalArgumentException("storyteller.hub.download-threads must be 1..16");
        }
    }

    /** The defaults against another Hub address, for code that runs without Spring (tests). */
    public static HubProperties of(URI baseUrl, String token) {
        return new HubProperties(baseUrl, token, Duration.ofSeconds(10), Duration.ofSeconds(60),
                List.of("apache-2.0", "mit"), DataSize.ofGigabytes(20), 1);
    }

    /** Without the token: a record's own toString would print it. */
    @Override
    public String toString() {
        return "HubProperties[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "(set)") + ", licenses="
                + licenses + ", maxSize=" + maxSize + "]";
    }
}
