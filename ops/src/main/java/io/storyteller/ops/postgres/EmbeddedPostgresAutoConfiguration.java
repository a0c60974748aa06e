package io.storyteller.ops.postgres;

import io.storyteller.ops.StorytellerProperties;
import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts PostgreSQL under {@code ${storyteller.data-dir}/postgres} unless {@code spring.datasource.url}
 * names an external database.
 * <p>
 * The server is Boot's {@link JdbcConnectionDetails}: {@link DataSourceAutoConfiguration} builds its
 * Hikari pool (with {@code spring.datasource.hikari.*}) from it. At shutdown Spring first stops the
 * lifecycle beans (Axon's processors release their tokens), then destroys beans dependents-first:
 * everything on the pool, the pool, and only then this server.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(DataSourceUrlMissing.class)
@EnableConfigurationProperties(StorytellerProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(StorytellerProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"), properties.embeddedPostgres());
    }
}
