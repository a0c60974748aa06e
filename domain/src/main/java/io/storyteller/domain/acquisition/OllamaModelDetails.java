package io.storyteller.domain.acquisition;

import java.util.List;

/**
 * A model as {@code /api/show} describes it: its Modelfile, parameters and prompt template, its
 * details (format, family, parameter size, quantization), license, capabilities ({@code completion},
 * {@code embedding}, {@code tools}, …) and context length; null where the server says nothing.
 */
public record OllamaModelDetails(String name,
        String modelfile,
        String parameters,
        String template,
        String license,
        String format,
        String family,
        List<String> families,
        String parameterSize,
        String quantization,
        List<String> capabilities,
        Integer contextLength) {
}
