package bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where a run sends its requests: a name for the report ("gateway" or "direct"), the chat completions URI,
 * the bearer credential and the JSON body, the same bytes for every request.
 */
record Target(String name, URI uri, String bearer, byte[] body) {
    /** A small chat request for {@code model}. */
    static byte[] chatBody(String model) {
        return ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to the"
                + " benchmark.\"}],\"max_tokens\":16,\"temperature\":0}").getBytes(StandardCharsets.UTF_8);
    }
}
