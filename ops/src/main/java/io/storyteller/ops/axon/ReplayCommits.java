package io.storyteller.ops.axon;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A processor's batch of replayed events commits without waiting for the disk
 * ({@code synchronous_commit = off} for that transaction only). Losing such a commit in a crash
 * loses nothing: the processor's token is written in the same transaction, so the read model and
 * the token go back together and the replay handles those events again. Waiting for the disk
 * bounded a replay at the disk's flushes per second, shared by every processor replaying. Live
 * batches still wait: they may carry what a user was told had happened.
 */
@Component
class ReplayCommits implements ConfigurerModule, MessageHandlerInterceptor<EventMessage<?>> {

    private static final String MARKED = ReplayCommits.class.getName() + ".marked";

    private final DataSource dataSource;

    ReplayCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> this);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (ReplayToken.isReplay(unitOfWork.getMessage()) && TransactionSynchronizationManager.isActualTransactionActive()
                && root.getResource(MARKED) == null) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            root.resources().put(MARKED, Boolean.TRUE);
        }
        return chain.proceed();
    }
}
