package io.iris.gateway.observability;

/**
 * JMX view of {@link RequestRecording}, registered as {@value RequestRecording#OBJECT_NAME}: operators (jconsole,
 * Liberty's admin tools, a JMX exporter) can pause and resume request records without a restart.
 */
public interface RequestRecordsMXBean {
    /** Whether finished requests go to the metrics and the request log. */
    boolean isEnabled();

    void setEnabled(boolean enabled);
}
