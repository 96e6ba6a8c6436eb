package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static List<FieldError> name(String value) {
        Validation v = new Validation();
        v.name("name", value);
        return v.errors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "tab\there", "nul\u0000", "esc\u001b[31m", "del\u007f", "c1\u0085",
        "c1\u009b", "line\u2028sep", "para\u2029sep"})
    void name_controlCharacter_rejected(String value) {
        List<FieldError> errors = name(value);

        assertEquals(List.of(new FieldError("name",
                "must not contain control characters, line breaks or invisible format characters")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod-team", "Équipe Nord", "团队", "gpt-4o/mini", "a b", "emoji \uD83D\uDE80"})
    void name_printableText_accepted(String value) {
        assertEquals(List.of(), name(value));
    }

    @Test
    void shortStrings_controlCharacterInOneEntry_namesThatEntry() {
        Validation v = new Validation();

        v.shortStrings("models", Arrays.asList("gpt-4o", "bad\u0007", "ok", "x\u2028"), 10);

        assertEquals(List.of("models[1]", "models[3]"), v.errors().stream().map(FieldError::field).toList());
    }
}
