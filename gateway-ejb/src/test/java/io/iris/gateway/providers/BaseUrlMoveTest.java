package io.iris.gateway.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void withKeysForItsHost_moveWithKeptKeys_onlyKeysSentWithAValueRemain() {
        ProviderSpec moved = BaseUrlMove.withKeysForItsHost(OLD, spec("https://other.example.com/v1",
                List.of(kept("a"), sent("b"), kept("c"))));

        assertEquals(List.of("b"), names(moved));
    }

    @Test
    void withKeysForItsHost_moveLeavingKeysOut_dropsEveryKey() {
        ProviderSpec moved = BaseUrlMove.withKeysForItsHost(OLD, spec("https://other.example.com/v1", null));

        assertEquals(List.of(), moved.keys());
    }

    @Test
    void withKeysForItsHost_moveWithEveryValue_keepsTheWholeWrite() {
        ProviderSpec sentAll = spec("https://other.example.com/v1", List.of(sent("a"), sent("b")));

        assertEquals(sentAll, BaseUrlMove.withKeysForItsHost(OLD, sentAll));
    }

    @Test
    void withKeysForItsHost_pathOnlyChange_writeUnchanged() {
        ProviderSpec keptByPath = spec("https://api.example.com/openai/v1", List.of(kept("a")));
        ProviderSpec keysLeftOut = spec("https://api.example.com/openai/v1", null);

        assertSame(keptByPath, BaseUrlMove.withKeysForItsHost(OLD, keptByPath));
        assertSame(keysLeftOut, BaseUrlMove.withKeysForItsHost(OLD, keysLeftOut));
    }

    private static List<String> names(ProviderSpec spec) {
        return spec.keys().stream().map(ProviderKeySpec::name).toList();
    }
}
