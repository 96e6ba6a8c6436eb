package io.iris.gateway.observability;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether finished requests are recorded (metrics and request log). Starts as MP Config
 * {@code iris.request-records.enabled} says (default true) and can be switched at run time through JMX
 * ({@value #OBJECT_NAME}, attribute {@code Enabled}), so that an operator can pause records during an incident, and
 * a benchmark can measure their cost with records on and off in one run of one server. Traces are not affected:
 * they follow the {@code OTEL_*} settings. A switch is logged (off as a warning: it stops the audit trail).
 * Thread-safe: one volatile read per request.
 */
@ApplicationScoped
public class RequestRecording implements RequestRecordsMXBean {
    public static final String OBJECT_NAME = "io.iris.gateway:type=RequestRecords";
    private static final Logger LOG = Logger.getLogger(RequestRecording.class.getName());

    private volatile boolean enabled;
    private ObjectName registered;

    @Inject
    RequestRecording(@ConfigProperty(name = "iris.request-records.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    /** For CDI's proxy. */
    protected RequestRecording() {
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        boolean was = this.enabled;
        this.enabled = enabled;
        if (was != enabled) {
            // Switching records off stops the audit trail: a warning, so that it shows on the console too.
            LOG.log(enabled ? Level.INFO : Level.WARNING,
                    "request records (metrics and request log) switched " + (enabled ? "on" : "off") + " through JMX");
        }
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            registered = name;
        } catch (JMException | SecurityException e) {
            // Records still work as configured; only the run-time switch is missing.
            LOG.log(Level.WARNING, "the JMX switch for request records is not available", e);
        }
    }

    @PreDestroy
    void unregister() {
        if (registered == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
        } catch (JMException e) {
            LOG.log(Level.FINE, "unregistering the request records switch failed", e);
        }
        registered = null;
    }
}
