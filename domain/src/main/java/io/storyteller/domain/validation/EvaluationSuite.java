package io.storyteller.domain.validation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An evaluation suite, as data: the use case it measures, its dataset, its gates and its tie margin.
 * The validator reads it from the read model; the aggregate only guards what a suite may say.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class EvaluationSuite {

    static final int MAX_METRICS = 20;
    static final double MAX_TIE_MARGIN = 0.5;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    @AggregateIdentifier
    private String name;
    private UseCase useCase;

    protected EvaluationSuite() {
    }

    @CommandHandler
    public EvaluationSuite(DefineEvaluationSuite command) {
        Actor actor = ValidationAuthority.require(command.actor());
        String suite = Require.text("name", command.name(), 100);
        if (!NAME.matcher(suite).matches()) {
            throw DomainRejection.invalid("name", "slug", "a suite's name is lower case letters, digits, '.', '-' and '_'");
        }
        UseCase measured = Require.present("useCase", command.useCase());
        apply(new EvaluationSuiteDefined(suite, measured, dataset(command.dataset()), metrics(command.metrics()),
                tieMargin(command.tieMargin()), actor.userId()));
    }

    /** Answers the suite's use case, which a revision keeps, so that the asker can show the suite as revised. */
    @CommandHandler
    public UseCase handle(ReviseEvaluationSuite command) {
        Actor actor = ValidationAuthority.require(command.actor());
        apply(new EvaluationSuiteRevised(name, useCase, dataset(command.dataset()), metrics(command.metrics()),
                tieMargin(command.tieMargin()), actor.userId()));
        return useCase;
    }

    private static SuiteDataset dataset(SuiteDataset dataset) {
        return Require.present("dataset", dataset).validated();
    }

    /** At least one gate, each metric once. */
    private static List<SuiteMetric> metrics(List<SuiteMetric> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw DomainRejection.invalid("metrics", "required", "a suite has at least one gate");
        }
        if (metrics.size() > MAX_METRICS) {
            throw DomainRejection.invalid("metrics", "max-count:" + MAX_METRICS, "a suite has at most " + MAX_METRICS + " gates");
        }
        List<SuiteMetric> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            SuiteMetric metric = Require.present("metrics[" + i + "]", metrics.get(i)).validated(i);
            if (!seen.add(metric.metric())) {
                throw DomainRejection.invalid("metrics[" + i + "].metric", "unique", "metric " + metric.metric() + " is gated twice");
            }
            checked.add(metric);
        }
        return checked;
    }

    private static double tieMargin(double margin) {
        if (!Double.isFinite(margin) || margin < 0 || margin > MAX_TIE_MARGIN) {
            throw DomainRejection.invalid("tieMargin", "range:0.." + MAX_TIE_MARGIN,
                    "the tie margin is from 0 to " + MAX_TIE_MARGIN);
        }
        return margin;
    }

    @EventSourcingHandler
    void on(EvaluationSuiteDefined event) {
        name = event.name();
        useCase = event.useCase();
    }
}
