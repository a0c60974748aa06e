package io.storyteller.command.finetuning;

/** Where the fine-tuning work sends what it did: commands to the FineTuning (fire and forget; the saga's deadline covers a lost one). */
@FunctionalInterface
interface FineTuningReports {

    void send(Object command);
}
