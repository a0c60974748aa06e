package io.storyteller.command.continuity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well the check finds contradictions on a labelled set: the confusion counts, precision,
 * recall and F1 for the label "contradiction", overall and per kind.
 */
public record ContinuityScorecard(Confusion overall, Map<String, Confusion> byKind) {

    /** Confusion counts with "contradiction" as the positive label. */
    public record Confusion(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

        Confusion add(boolean actual, boolean predicted) {
            return new Confusion(truePositives + (actual && predicted ? 1 : 0), falsePositives + (!actual && predicted ? 1 : 0),
                    trueNegatives + (!actual && !predicted ? 1 : 0), falseNegatives + (actual && !predicted ? 1 : 0));
        }

        public int total() {
            return truePositives + falsePositives + trueNegatives + falseNegatives;
        }

        /** Of the candidates flagged, the share that contradict; 0 when none was flagged. */
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double accuracy() {
            return ratio(truePositives + trueNegatives, total());
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }

        public String line() {
            return String.format(Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f  (TP %d FP %d TN %d FN %d)",
                    precision(), recall(), f1(), accuracy(), truePositives, falsePositives, trueNegatives, falseNegatives);
        }
    }

    /** Runs the check on every case and counts. */
    public static ContinuityScorecard score(ContinuityCheck check, List<ContinuityCase> cases) {
        Confusion overall = new Confusion(0, 0, 0, 0);
        Map<String, Confusion> byKind = new TreeMap<>();
        for (ContinuityCase c : cases) {
            boolean flagged = !check.check(c.lore(), c.storyLines(), c.candidate()).consistent();
            overall = overall.add(c.contradiction(), flagged);
            if (c.kind() != null) {
                byKind.merge(c.kind(), new Confusion(0, 0, 0, 0).add(c.contradiction(), flagged),
                        (a, b) -> a.add(c.contradiction(), flagged));
            }
        }
        return new ContinuityScorecard(overall, new LinkedHashMap<>(byKind));
    }
}
