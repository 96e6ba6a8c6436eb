package io.iris.gateway.proxy;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.JsonP;
import io.iris.gateway.providers.Endpoint.WireFormat;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/** Data-plane error bodies in the client's wire format (API.md §1). Stateless. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static byte[] of(WireFormat format, GatewayException e) {
        if (format == WireFormat.ANTHROPIC) {
            return JsonP.PROVIDER.createObjectBuilder().add("type", "error").add("error", JsonP.PROVIDER.createObjectBuilder()
                    .add("type", e.type().wireType()).add("message", e.getMessage())).build().toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        JsonObjectBuilder error = JsonP.PROVIDER.createObjectBuilder()
                .add("message", e.getMessage())
                .add("type", e.type().wireType())
                .add("code", e.type().wireType());
        if (e.param() == null) {
            error.addNull("param");
        } else {
            error.add("param", e.param());
        }
        return JsonP.PROVIDER.createObjectBuilder().add("error", error).build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
