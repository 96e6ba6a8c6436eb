package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSpliceTest {
    private static final byte[] JSON = "{\"a\":1,\"b\":2,\"c\":3}".getBytes(StandardCharsets.UTF_8);

    private static JsonSplice.Edit edit(int start, int end, String replacement) {
        return new JsonSplice.Edit(start, end, replacement.getBytes(StandardCharsets.UTF_8));
    }

    private static String apply(List<JsonSplice.Edit> edits) {
        return new String(JsonSplice.apply(JSON, edits), StandardCharsets.UTF_8);
    }

    @Test
    void apply_editsInOrder_eachAppliedAndTheRestKept() {
        assertEquals("{\"a\":10,\"b\":2,\"c\":30}", apply(List.of(edit(5, 6, "10"), edit(17, 18, "30"))));
    }

    @Test
    void apply_editsOutOfOrder_sameAsInOrder() {
        assertEquals("{\"a\":10,\"b\":2,\"c\":30}", apply(List.of(edit(17, 18, "30"), edit(5, 6, "10"))));
    }

    @Test
    void apply_insertionAndRemoval_spliced() throws Exception {
        List<JsonScanner.Member> members = JsonScanner.members(JSON);

        assertEquals("{\"a\":1,\"c\":3,\"d\":4}", apply(List.of(JsonSplice.removal(members, 1),
                edit(JsonSplice.closingBrace(JSON), JsonSplice.closingBrace(JSON), ",\"d\":4"))));
    }

    @Test
    void apply_noEdits_sameBytes() {
        assertEquals(new String(JSON, StandardCharsets.UTF_8), apply(List.of()));
    }
}
