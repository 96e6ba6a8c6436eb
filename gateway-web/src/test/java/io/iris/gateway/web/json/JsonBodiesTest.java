package io.iris.gateway.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{bad", "[1,2]", "\"text\"", "null", "{\"a\":1} trailing"})
    void read_notAJsonObject_rejectsBody(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.read(body, in -> in));
        assertEquals("body", e.errors().get(0).field());
    }

    @Test
    void read_wrongTypes_reportsEveryFieldWithPath() {
        String body = "{\"name\": 5, \"budgets\": [{\"max_limit\": \"x\"}, 3], \"enabled\": \"yes\"}";

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.read(body, in -> {
            in.string("name");
            in.bool("enabled");
            in.objects("budgets").forEach(b -> b.decimal("max_limit"));
            return in;
        }));

        assertEquals(List.of("name", "enabled", "budgets[1]", "budgets[0].max_limit"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toList()));
    }

    @Test
    void read_absentAndNullFields_readAsNull() {
        JsonInput in = JsonBodies.read("{\"a\": null}", input -> input);
        assertNull(in.string("a"));
        assertNull(in.integer("b"));
        assertNull(in.objects("c"));
    }

    @Test
    void integer_fractionOrOverflow_rejected() {
        assertThrows(InvalidInputException.class, () -> JsonBodies.read("{\"p\": 1.5}", in -> in.integer("p")));
        assertThrows(InvalidInputException.class,
                () -> JsonBodies.read("{\"p\": 99999999999}", in -> in.integer("p")));
    }

    @Test
    void decimal_hugeExponent_readsWithoutError() {
        BigDecimal value = JsonBodies.read("{\"m\": 1e400}", in -> in.decimal("m"));
        assertEquals(new BigDecimal("1e400"), value);
    }

    @Test
    void uuidStrings_mixedCase_canonicalised() {
        List<String> ids = JsonBodies.read("{\"ids\": [\"0F8FAD5B-D9CB-469F-A165-70867728950E\"]}",
                in -> in.uuidStrings("ids"));
        assertEquals(List.of("0f8fad5b-d9cb-469f-a165-70867728950e"), ids);
    }

    @Test
    void instant_notIso_rejectedWithField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonBodies.read("{\"expires_at\": \"tomorrow\"}", in -> in.instant("expires_at")));
        assertEquals("expires_at", e.errors().get(0).field());
    }
}
