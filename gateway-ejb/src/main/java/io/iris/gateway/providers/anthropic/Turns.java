package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic conversation turns being assembled. Anthropic wants user and assistant turns to alternate,
 * so consecutive additions for one role merge into one turn, and additions without blocks are skipped.
 * Within a user turn, {@code tool_result} blocks are put first, as Anthropic requires them to lead.
 * Not thread-safe; use one instance per translation. Arguments must not be null.
 */
final class Turns {

    private record Turn(String role, List<JsonObject> blocks) {
    }

    private final List<Turn> turns = new ArrayList<>();

    /** Adds blocks for {@code role} ("user" or "assistant"), merging with the previous turn of that role. */
    void add(String role, List<JsonObject> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role().equals(role)) {
            last.blocks().addAll(blocks);
        } else {
            turns.add(new Turn(role, new ArrayList<>(blocks)));
        }
    }

    /** The turns as an Anthropic {@code messages} array; a lone text block is written as a string. */
    JsonArray toJson() {
        JsonArrayBuilder out = JsonSupport.array();
        for (Turn turn : turns) {
            List<JsonObject> blocks = "user".equals(turn.role()) ? toolResultsFirst(turn.blocks()) : turn.blocks();
            JsonArrayBuilder content = JsonSupport.array();
            blocks.forEach(content::add);
            var message = JsonSupport.object().add("role", turn.role());
            if (blocks.size() == 1 && "text".equals(JsonSupport.string(blocks.get(0), "type"))) {
                message.add("content", JsonSupport.string(blocks.get(0), "text"));
            } else {
                message.add("content", content);
            }
            out.add(message);
        }
        return out.build();
    }

    private static List<JsonObject> toolResultsFirst(List<JsonObject> blocks) {
        List<JsonObject> ordered = new ArrayList<>(blocks.size());
        for (JsonObject block : blocks) {
            if ("tool_result".equals(JsonSupport.string(block, "type"))) {
                ordered.add(block);
            }
        }
        for (JsonObject block : blocks) {
            if (!"tool_result".equals(JsonSupport.string(block, "type"))) {
                ordered.add(block);
            }
        }
        return ordered;
    }
}
