package io.storyteller.ops.search;

import io.storyteller.ops.StorytellerProperties;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Starts OpenSearch under {@code ${storyteller.data-dir}/opensearch} unless
 * {@code storyteller.opensearch.uris} names an external cluster.
 * <p>
 * The node starts in the background as soon as the bean definitions are read
 * ({@link EmbeddedOpenSearchStart}): its start, several seconds, then runs beside the embedded
 * PostgreSQL's, Flyway's and the other beans' instead of after them.
 * <p>
 * The node is the {@link SearchEndpoint} the client is built from, so at shutdown Spring first stops
 * the lifecycle beans (Axon's processors finish their batches), then destroys the client and
 * everything on it, and only then this node.
 */
@AutoConfiguration(before = OpenSearchAutoConfiguration.class)
@Conditional(SearchUrisMissing.class)
@EnableConfigurationProperties({StorytellerProperties.class, OpenSearchProperties.class})
public class EmbeddedOpenSearchAutoConfiguration {

    static final String START = "embeddedOpenSearchStart";

    /** Begins the node's start before any bean is created; registered to be stopped with the application. */
    @Bean
    static BeanFactoryPostProcessor embeddedOpenSearchEarlyStart(Environment environment) {
        return beanFactory -> {
            Binder binder = Binder.get(environment);
            StorytellerProperties storyteller = binder.bindOrCreate("storyteller", StorytellerProperties.class);
            OpenSearchProperties search = binder.bindOrCreate("storyteller.opensearch", OpenSearchProperties.class);
            EmbeddedOpenSearchStart start = EmbeddedOpenSearchStart.begin(storyteller.dataDir().resolve("opensearch"),
                    search.startupTimeout());
            beanFactory.registerSingleton(START, start);
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(START, start);
            }
        };
    }

    @Bean(destroyMethod = "close")
    EmbeddedOpenSearchNode embeddedOpenSearchNode(@Qualifier(START) EmbeddedOpenSearchStart start) throws IOException {
        return start.node();
    }
}
