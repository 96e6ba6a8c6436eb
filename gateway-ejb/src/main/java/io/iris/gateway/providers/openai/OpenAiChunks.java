package io.iris.gateway.providers.openai;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.JsonScanner;
import io.iris.gateway.common.JsonSplice;
import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.UsageJson;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseFilter;
import io.iris.gateway.providers.sse.SseWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decides each event of an OpenAI-format stream (chat or legacy completions) on its way to an OpenAI-format
 * client, and notes the usage it reports. Only events that mention {@code "usage"} or {@code "error"} are looked
 * into, and then only their top-level members are scanned:
 * <ul>
 * <li>an {@code error} member: the event is replaced by the gateway's error event with the message cleaned of
 * secrets ({@link UpstreamMessages});</li>
 * <li>a {@code usage} object: noted as the call's usage; when {@code hideUsage}, a chunk whose {@code choices} is
 * empty (the usage-only chunk) is dropped, and a {@code usage} member of any other chunk (OpenAI adds
 * {@code "usage": null} to every chunk when usage is asked for) is taken out of it.</li>
 * </ul>
 * Everything else passes as it came. Not thread-safe: one per stream.
 */
final class OpenAiChunks implements SseFilter.Rewrite {
    private static final byte[] DROP = new byte[0];

    private final boolean hideUsage;
    private final UpstreamMessages messages;
    private Optional<Usage> usage = Optional.empty();

    OpenAiChunks(boolean hideUsage, UpstreamMessages messages) {
        this.hideUsage = hideUsage;
        this.messages = messages;
    }

    /** The usage of the last chunk that reported one; empty while none has. */
    Optional<Usage> usage() {
        return usage;
    }

    @Override
    public byte[] rewrite(SseEvent event) {
        String data = event.data();
        boolean mentionsUsage = data.contains("\"usage\"");
        if (!mentionsUsage && !data.contains("\"error\"")) {
            return KEEP;
        }
        byte[] json = data.getBytes(StandardCharsets.UTF_8);
        List<JsonScanner.Member> members;
        try {
            members = JsonScanner.members(json);
        } catch (JsonScanner.MalformedJsonException notAnObject) {
            return KEEP;
        }
        int usageIndex = -1;
        JsonScanner.Member choices = null;
        for (int i = 0; i < members.size(); i++) {
            JsonScanner.Member m = members.get(i);
            switch (m.key()) {
                case "error" -> {
                    if (json[m.valueStart()] != 'n') {
                        return OpenAiPassthrough.errorEvent(messages.streamError(errorMessage(json, m)));
                    }
                }
                case "usage" -> usageIndex = i;
                case "choices" -> choices = m;
                default -> {
                }
            }
        }
        if (usageIndex < 0) {
            return KEEP;
        }
        JsonScanner.Member usageMember = members.get(usageIndex);
        UsageJson.ofMember(json, usageMember).ifPresent(u -> usage = Optional.of(u));
        if (!hideUsage) {
            return KEEP;
        }
        if (choices != null && emptyArray(json, choices)) {
            return DROP;
        }
        byte[] without = JsonSplice.apply(json, List.of(JsonSplice.removal(members, usageIndex)));
        String text = new String(without, StandardCharsets.UTF_8);
        return event.event() == null ? SseWriter.data(text) : SseWriter.event(event.event(), text);
    }

    /** {@code error.message}, or {@code error} itself when a string; "" when neither. */
    private static String errorMessage(byte[] json, JsonScanner.Member error) {
        try (JsonReader reader = JsonP.reader(json, error.valueStart(), error.valueEnd())) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            if (value instanceof JsonObject object && object.get("message") instanceof JsonString message) {
                return message.getString();
            }
        } catch (RuntimeException unreadable) {
            // no message to pass on
        }
        return "";
    }

    private static boolean emptyArray(byte[] json, JsonScanner.Member member) {
        if (json[member.valueStart()] != '[') {
            return false;
        }
        for (int i = member.valueStart() + 1; i < member.valueEnd() - 1; i++) {
            byte b = json[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
