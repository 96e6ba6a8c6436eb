package io.iris.gateway.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.Validation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BaseUrlMoveTest {
    private static final String OLD = "https://api.example.com/v1";

    private static ProviderSpec spec(String baseUrl, List<ProviderKeySpec> keys) {
        return new ProviderSpec("p", "openai", baseUrl, null, List.of("*"), null, keys, null, null);
    }

    private static ProviderKeySpec kept(String name) {
        return new ProviderKeySpec(UUID.randomUUID(), name, null, null, null, null);
    }

    private static ProviderKeySpec sent(String name) {
        return new ProviderKeySpec(null, name, "sk-new-value-0123456789", null, null, null);
    }

    private static List<String> fields(Validation v) {
        return v.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void movesHost_pathOrSpellingOnly_false() {
        assertFalse(BaseUrlMove.movesHost(OLD, "https://api.example.com/v2"));
        assertFalse(BaseUrlMove.movesHost(OLD, "HTTPS://API.Example.com./v1"));
        assertFalse(BaseUrlMove.movesHost(OLD, "https://api.example.com:443/v1"));
        assertFalse(BaseUrlMove.movesHost("http://127.0.0.1/v1", "http://127.0.0.1:80"));
    }

    @Test
    void movesHost_schemeHostOrPortChanged_true() {
        assertTrue(BaseUrlMove.movesHost(OLD, "http://api.example.com/v1"));
        assertTrue(BaseUrlMove.movesHost(OLD, "https://evil.example.com/v1"));
        assertTrue(BaseUrlMove.movesHost(OLD, "https://api.example.com:8443/v1"));
        assertTrue(BaseUrlMove.movesHost("http://127.0.0.1:8000/v1", "http://localhost:8000/v1"));
        assertTrue(BaseUrlMove.movesHost(OLD, "not a url"));
    }

    @Test
    void requireKeyValues_moveWithKeptKeys_eachKeyWithoutValueNamed() {
        Validation v = new Validation();

        BaseUrlMove.requireKeyValues(v, OLD, spec("https://other.example.com/v1",
                List.of(kept("a"), sent("b"), kept("c"))), 3);

        assertEquals(List.of("keys[0].value", "keys[2].value"), fields(v));
        assertEquals(BaseUrlMove.SEND_AGAIN, v.errors().get(0).message());
    }

    @Test
    void requireKeyValues_moveLeavingKeysOut_refusedOnKeys() {
        Validation v = new Validation();

        BaseUrlMove.requireKeyValues(v, OLD, spec("https://other.example.com/v1", null), 2);

        assertEquals(List.of("keys"), fields(v));
    }

    @Test
    void requireKeyValues_moveWithEveryValueOrNoKeys_accepted() {
        Validation v = new Validation();

        BaseUrlMove.requireKeyValues(v, OLD, spec("https://other.example.com/v1", List.of(sent("a"), sent("b"))), 2);
        BaseUrlMove.requireKeyValues(v, OLD, spec("https://other.example.com/v1", List.of()), 2);
        BaseUrlMove.requireKeyValues(v, OLD, spec("https://other.example.com/v1", null), 0);

        assertFalse(v.hasErrors(), v.errors().toString());
    }

    @Test
    void requireKeyValues_pathOnlyChange_keysKeptWithoutValues() {
        Validation v = new Validation();

        BaseUrlMove.requireKeyValues(v, OLD, spec("https://api.example.com/openai/v1", List.of(kept("a"))), 1);
        BaseUrlMove.requireKeyValues(v, OLD, spec("https://api.example.com/openai/v1", null), 1);

        assertFalse(v.hasErrors(), v.errors().toString());
    }
}
