package io.storyteller.domain.validation;

import io.storyteller.domain.model.ModelRef;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A candidate version was validated against an incumbent, on the candidate's model. It
 * {@code passed} only when it is similar or better on every gate; {@code reasons} say, for each
 * failed gate, why not (empty when it passed). Wins, losses and ties count the suite's items on which
 * the candidate scored better, worse or within the suite's tie margin of the incumbent.
 *
 * @param incumbent null when there was none: then only the suite's absolute thresholds apply
 * @param examples  a few items that show the difference, wins and losses first
 * @param dataset   the items it was measured on: the suite's own or a validation's own choice; null when
 *                  not recorded, which means the suite's own items as the suite then stood. Revision 2
 *                  has the field; events stored without a revision predate it and are upcast with an
 *                  explicit null (they all ran on their suite's own items)
 */
@Revision("2")
public record ModelValidated(String modelId,
        String version,
        String validationId,
        String suite,
        ModelRef incumbent,
        boolean passed,
        List<ValidationGate> gates,
        int wins,
        int losses,
        int ties,
        List<ValidationExample> examples,
        List<String> reasons,
        String validatedBy,
        SuiteDataset dataset) {

    public ModelValidated {
        gates = gates == null ? List.of() : List.copyOf(gates);
        examples = examples == null ? List.of() : List.copyOf(examples);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Measured on the suite's own items. */
    public ModelValidated(String modelId, String version, String validationId, String suite, ModelRef incumbent,
            boolean passed, List<ValidationGate> gates, int wins, int losses, int ties, List<ValidationExample> examples,
            List<String> reasons, String validatedBy) {
        this(modelId, version, validationId, suite, incumbent, passed, gates, wins, losses, ties, examples, reasons,
                validatedBy, null);
    }

    public ModelRef candidate() {
        return new ModelRef(modelId, version);
    }
}
