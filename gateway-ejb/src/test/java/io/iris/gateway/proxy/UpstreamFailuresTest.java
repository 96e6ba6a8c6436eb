package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.upstream.EgressRefusedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {
    @Test
    void ofException_refusedByTheEgressPolicyDeepInTheCauses_saysSoWithoutTheAddress() {
        Exception wrapped = new RuntimeException("connect failed", new IllegalStateException(
                new EgressRefusedException()));

        GatewayException failure = UpstreamFailures.ofException("p", wrapped);

        assertEquals(ErrorType.UPSTREAM_ERROR, failure.type());
        assertEquals("provider 'p' could not be reached: the provider's address is not allowed",
                failure.getMessage());
    }

    @Test
    void ofException_connectionRefused_couldNotBeReached() {
        GatewayException failure = UpstreamFailures.ofException("p", new ConnectException("refused 10.0.0.1:80"));

        assertEquals(ErrorType.UPSTREAM_ERROR, failure.type());
        assertEquals("provider 'p' could not be reached", failure.getMessage());
    }

    @Test
    void ofException_timeout_upstreamTimeout() {
        assertEquals(ErrorType.UPSTREAM_TIMEOUT, UpstreamFailures.ofException("p", new SocketTimeoutException()).type());
    }
}
