package io.storyteller.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.storyteller.ops.postgres.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With {@code spring.datasource.url} set the application uses that database and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path externalDataDir;

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredDataSourceStartsNoEmbeddedServer() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                     .setDataDirectory(externalDataDir)
                     .setCleanDataDirectory(false)
                     .setRegisterShutdownHook(false)
                     .start()) {
            String url = external.getJdbcUrl("postgres", "postgres");

            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StorytellerApplication.class)
                    .run("--server.port=0",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--storyteller.data-dir=" + dataDir)) {

                assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
                assertThat(dataDir.resolve("postgres")).doesNotExist();
                assertThat(((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl()).isEqualTo(url);
                assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
            }

            var migrated = new JdbcTemplate(external.getPostgresDatabase()).queryForList(
                    "select table_name from information_schema.tables where table_schema = 'public'", String.class);
            assertThat(migrated).contains("domainevententry", "tokenentry", "deadletterentry", "scheduled_tasks");
        }
    }
}
