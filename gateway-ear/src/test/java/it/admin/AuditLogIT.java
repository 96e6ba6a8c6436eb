package it.admin;

import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway;
import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Management changes leave one audit line each on the iris.audit logger: who, what, before and after. */
class AuditLogIT {

    @Test
    void put_customerRenamed_auditLineWithBeforeAndAfter() throws Exception {
        String before = unique("audit-before");
        String after = unique("audit-after");
        Reply created = admin("POST", "/api/customers", object().add("name", before).build());
        String id = created.json().getString("id");

        assertEquals(200, admin("PUT", "/api/customers/" + id, object().add("name", after).build()).status());
        assertEquals(204, admin("DELETE", "/api/customers/" + id).status());

        JsonObject put = awaitAudit("PUT", "/api/customers/" + id);
        assertEquals("admin", put.getString("actor"));
        assertEquals(200, put.getInt("status"));
        assertEquals(before, put.getJsonObject("before").getString("name"));
        assertEquals(after, put.getJsonObject("after").getString("name"));
        JsonObject delete = awaitAudit("DELETE", "/api/customers/" + id);
        assertEquals(after, delete.getJsonObject("before").getString("name"));
        assertTrue(delete.isNull("after"));
    }

    @Test
    void post_providerWithAKey_keyValueMaskedInTheAuditLineAndNowhereInTheLog() throws Exception {
        String secret = "sk-audit-" + unique("secret");
        String name = unique("audit-prov");
        Reply created = admin("POST", "/api/providers", object().add("name", name).add("type", "openai")
                .add("base_url", "http://127.0.0.1:9/v1").add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "primary").add("value", secret))).build());
        assertEquals(201, created.status(), created.toString());

        JsonObject line = awaitAudit("POST", "/api/providers");
        assertEquals("****", line.getJsonObject("after").getJsonArray("keys").getJsonObject(0).getString("value"));
        assertFalse(Files.readString(log()).contains(secret), "the key value is nowhere in messages.log");
    }

    /** The newest audit line for the method and path (bounded wait). */
    private static JsonObject awaitAudit(String method, String path) throws IOException, InterruptedException {
        for (int i = 0; i < 30; i++) {
            List<String> lines = Files.readAllLines(log());
            for (int j = lines.size() - 1; j >= 0; j--) {
                String text = lines.get(j);
                int json = text.indexOf("{\"event\":\"admin_change\"");
                if (json < 0) {
                    continue;
                }
                JsonObject audit = Json.createReader(new StringReader(text.substring(json))).readObject();
                if (audit.getString("method").equals(method) && audit.getString("path").equals(path)) {
                    return audit;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit line for " + method + " " + path);
    }

    private static java.nio.file.Path log() {
        return Gateway.SERVER_DIR.resolve("logs/messages.log");
    }
}
