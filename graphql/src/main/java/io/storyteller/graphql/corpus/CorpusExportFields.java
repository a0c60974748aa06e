package io.storyteller.graphql.corpus;

import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.ExportCorpus;
import io.storyteller.domain.corpus.FindCorpusExports;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Corpus exports; the exporter decides who may start and see them (platform admins). */
@Controller
public class CorpusExportFields {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public CorpusExportFields(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public CompletableFuture<CorpusExportView> exportCorpus(@Argument CorpusExportInput input, Actor actor) {
        return commands.send(new ExportCorpus(input.selection(), actor));
    }

    @QueryMapping
    public CompletableFuture<List<CorpusExportView>> corpusExports(@Argument int limit, Actor actor) {
        return queries.query(new FindCorpusExports(limit, actor), ResponseTypes.multipleInstancesOf(CorpusExportView.class));
    }
}
