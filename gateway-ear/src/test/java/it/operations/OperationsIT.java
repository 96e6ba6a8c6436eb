package it.operations;

import static it.support.Gateway.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import org.junit.jupiter.api.Test;

/** The operational endpoints answer without login. */
class OperationsIT {

    @Test
    void ready_databaseUp_reportsUpWithDatabaseCheck() {
        Reply ready = send("GET", "/health/ready", null, null, null);
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.body().contains("\"database\""), ready.body());
    }

    @Test
    void live_running_reportsUp() {
        Reply live = send("GET", "/health/live", null, null, null);
        assertEquals(200, live.status(), live.toString());
        assertEquals("UP", live.json().getString("status"));
    }

    @Test
    void openapi_noLogin_documentsManagementApiInWireNames() {
        Reply openapi = send("GET", "/openapi", null, null, null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/routing/rules"), "routing rules path missing");
        assertTrue(openapi.body().contains("/api/virtual-keys"), "virtual keys path missing");
        assertTrue(openapi.body().contains("max_limit:"), "schemas should use the snake_case wire names");
    }

    @Test
    void metrics_noLogin_prometheusText() {
        Reply metrics = send("GET", "/metrics", null, null, null);
        assertEquals(200, metrics.status(), metrics.toString());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), "no Prometheus type lines");
    }
}
