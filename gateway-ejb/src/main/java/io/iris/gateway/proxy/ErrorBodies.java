package io.iris.gateway.proxy;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.providers.Endpoint.WireFormat;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/** Data-plane error bodies in the client's wire format (API.md §1). Stateless. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static byte[] of(WireFormat format, GatewayException e) {
        if (format == WireFormat.ANTHROPIC) {
            return Json.createObjectBuilder().add("type", "error").add("error", Json.createObjectBuilder()
                    .add("type", e.type().wireType()).add("message", e.getMessage())).build().toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("message", e.getMessage())
                .add("type", e.type().wireType())
                .add("code", e.type().wireType());
        if (e.param() == null) {
            error.addNull("param");
        } else {
            error.add("param", e.param());
        }
        return Json.createObjectBuilder().add("error", error).build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
