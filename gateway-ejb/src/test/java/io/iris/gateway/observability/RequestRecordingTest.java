package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class RequestRecordingTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void setEnabled_throughJmx_switchesRecordsUntilUnregistered() throws Exception {
        RequestRecording recording = new RequestRecording(true);
        ObjectName name = new ObjectName(RequestRecording.OBJECT_NAME);
        recording.register(null);
        try {
            assertEquals(Boolean.TRUE, server.getAttribute(name, "Enabled"));

            server.setAttribute(name, new Attribute("Enabled", false));

            assertFalse(recording.isEnabled());
        } finally {
            recording.unregister();
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void register_anotherAlreadyRegistered_replacesIt() throws Exception {
        RequestRecording old = new RequestRecording(true);
        RequestRecording current = new RequestRecording(false);
        old.register(null);
        current.register(null);
        try {
            assertEquals(false, server.getAttribute(new ObjectName(RequestRecording.OBJECT_NAME), "Enabled"));
        } finally {
            current.unregister();
        }
        assertTrue(old.isEnabled());
    }
}
