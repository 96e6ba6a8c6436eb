package it.observability;

import static it.observability.RequestLogIT.awaitRecord;
import static it.proxy.DataPlane.pricedProvider;
import static it.proxy.DataPlane.scriptedKey;
import static it.support.Gateway.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.observability.RequestLogIT.Caller;
import it.support.Gateway;
import it.support.Metrics;
import it.support.ServerJmx;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request records switched off and on again at run time through JMX ({@code io.iris.gateway:type=RequestRecords}),
 * on the running server: requests served while off are neither counted nor logged, and recording resumes.
 */
class RequestRecordsSwitchIT {
    private static final String SWITCH = "io.iris.gateway:type=RequestRecords";

    @Test
    void setEnabled_offThenOn_requestsServedWhileOffNeitherCountedNorLogged() {
        String provider = pricedProvider(scriptedKey(""));
        Caller caller = Caller.create();
        String whileOff;
        String afterwards;
        try (ServerJmx jmx = ServerJmx.connect(Gateway.SERVER_DIR)) {
            assertEquals(Boolean.TRUE, jmx.get(SWITCH, "Enabled"), "records are on by default");
            jmx.set(SWITCH, "Enabled", false);
            try {
                assertEquals(Boolean.FALSE, jmx.get(SWITCH, "Enabled"));
                whileOff = caller.chat(provider + "/gpt-4o");
            } finally {
                jmx.set(SWITCH, "Enabled", true);
            }
            afterwards = caller.chat(provider + "/gpt-4o");
        }

        // One thread writes records in the order they were queued: once the later one is stored, the earlier
        // would have been.
        assertEquals(200, awaitRecord(afterwards).getInt("status"));
        assertEquals(404, admin("GET", "/api/logs/" + whileOff).status());
        Map<String, String> served = Map.of("provider", provider, "virtual_key", caller.name());
        assertEquals(1.0, Metrics.await("iris_requests_total", served, 1), "only the request served while on");
    }
}
