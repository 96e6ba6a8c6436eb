package it.support;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * JMX on the packaged Liberty server running on this machine, found by the pid file Liberty writes beside its
 * server directories, through the JDK's attach API (the local management agent; no connector feature needed in
 * server.xml). Used by ITs and the benchmark; not thread-safe.
 */
public final class ServerJmx implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private ServerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    /** Connects to the server whose directory is {@code serverDir} (…/wlp/usr/servers/iris). */
    public static ServerJmx connect(Path serverDir) {
        Path absolute = serverDir.toAbsolutePath().normalize();
        Path pidFile = absolute.getParent().resolve(".pid").resolve(absolute.getFileName() + ".pid");
        try {
            String pid = Files.readString(pidFile).strip();
            VirtualMachine vm = VirtualMachine.attach(pid);
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new ServerJmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (IOException e) {
            throw new UncheckedIOException("no JMX on the server of " + pidFile, e);
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to the server of " + pidFile, e);
        }
    }

    public Object get(String objectName, String attribute) {
        try {
            return server.getAttribute(new ObjectName(objectName), attribute);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void set(String objectName, String attribute, Object value) {
        try {
            server.setAttribute(new ObjectName(objectName), new Attribute(attribute, value));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
