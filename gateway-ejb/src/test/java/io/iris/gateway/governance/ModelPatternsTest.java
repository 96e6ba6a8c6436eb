package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.Validation;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPatternsTest {
    private static List<FieldError> errors(List<String> entries) {
        Validation v = new Validation();
        ModelPatterns.validate(v, "allowed_models", entries);
        return v.errors();
    }

    @Test
    void validate_re2Patterns_accepted() {
        assertEquals(List.of(), errors(List.of("*", "gpt-4o", "regex:gpt-4o(-mini)?", "regex:claude-.*",
                "regex:(?i)LLAMA-\\d+b", "regex:\\p{L}+", "regex:(a+)+$", "regex:[a-z]{1,100}")));
    }

    @Test
    void validate_syntaxRe2DoesNotHave_400NamingTheEntry() {
        List<FieldError> errors = errors(List.of("gpt-4o", "regex:(?=gpt)gpt.*", "regex:(a)\\1", "regex:[",
                "regex:a++"));

        assertEquals(List.of("allowed_models[1]", "allowed_models[2]", "allowed_models[3]", "allowed_models[4]"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().startsWith("is not a valid RE2 regular expression"), errors.toString());
    }

    @Test
    void validate_nestedCountedRepetitions_refusedBeforeCompiling() {
        List<FieldError> errors = errors(List.of("regex:((a{1000}){1000}){1000}", "regex:(a{100}){100}",
                "regex:(\\d{100}){100}x"));

        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("too large"), errors.toString());
    }

    @Test
    void validate_patternsTooLargeTogether_refusedOnTheList() {
        List<String> entries = Collections.nCopies(25, "regex:[a-z]{900}");

        List<FieldError> errors = errors(entries);

        assertEquals(List.of("allowed_models"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void validate_overlongOrControlCharacters_refused() {
        assertFalse(errors(List.of("regex:" + "a".repeat(300))).isEmpty());
        assertFalse(errors(List.of("regex:gpt\n.*")).isEmpty());
    }
}
