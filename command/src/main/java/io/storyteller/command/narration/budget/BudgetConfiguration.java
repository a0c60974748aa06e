package io.storyteller.command.narration.budget;

import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spend limits on the narration path, set up from {@code storyteller.budgets.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
public class BudgetConfiguration {

    @Bean
    TurnBudgets turnBudgets(QueryGateway queries, BudgetProperties properties) {
        return new TurnBudgets(queries, properties, Clock.systemUTC());
    }
}
