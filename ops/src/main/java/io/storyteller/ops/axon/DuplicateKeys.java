package io.storyteller.ops.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Axon when PostgreSQL refused an event because its key exists (SQL state 23505): an
 * aggregate created twice, or two writers racing on one aggregate. Axon then answers with a
 * concurrency error the API reports as a conflict, instead of a storage failure.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeys {

    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return DuplicateKeys::isDuplicateKey;
    }

    static boolean isDuplicateKey(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
