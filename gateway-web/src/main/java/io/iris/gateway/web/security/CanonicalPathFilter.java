package io.iris.gateway.web.security;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.providers.Endpoint.WireFormat;
import io.iris.gateway.proxy.ErrorBodies;
import io.iris.gateway.web.errors.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first thing every request of the application meets (mapped first in web.xml): a raw path that is not
 * canonical ({@link CanonicalPath}) is a 400 before any router, JAX-RS filter or servlet sees it, in the error
 * shape of the API it aimed at: OpenAI's under {@code /v1}, Anthropic's under {@code /anthropic}, RFC 9457 problem
 * details elsewhere ({@code /api} and the rest). A canonical path costs one scan of the URI string. Stateless and
 * thread-safe.
 *
 * <p>Liberty's web container refuses some of these spellings itself, with its own 400 page, before any filter
 * runs (percent-encoded dots, slashes and backslashes, encoded control characters, bad escapes, raw backslashes
 * and control characters); this filter refuses them all the same, so the rule does not depend on that. Liberty
 * also cuts {@code ;jsessionid=...} (lower case) and all that follows from the request URI before any filter,
 * servlet or JAX-RS sees it: every layer then reads the same shorter path, which is authenticated as such.
 */
public class CanonicalPathFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String rawPath = request.getRequestURI();
        CanonicalPath.Defect defect = CanonicalPath.defectOf(rawPath);
        if (defect == null) {
            chain.doFilter(request, response);
            return;
        }
        refuse(rawPath, defect, response);
    }

    private static void refuse(String rawPath, CanonicalPath.Defect defect, HttpServletResponse response)
            throws IOException {
        String message = "the request path is not in canonical form: " + defect.reason();
        String aimedAt = withoutLeadingSlashes(rawPath);
        byte[] body;
        String contentType;
        if (AdminPaths.firstSegmentIs(aimedAt, "v1")) {
            body = ErrorBodies.of(WireFormat.OPENAI, new GatewayException(ErrorType.INVALID_REQUEST, message));
            contentType = "application/json";
        } else if (AdminPaths.firstSegmentIs(aimedAt, "anthropic")) {
            body = ErrorBodies.of(WireFormat.ANTHROPIC, new GatewayException(ErrorType.INVALID_REQUEST, message));
            contentType = "application/json";
        } else {
            body = Problem.json(Response.Status.BAD_REQUEST, "invalid_path", message, List.of())
                    .getBytes(StandardCharsets.UTF_8);
            contentType = Problem.PROBLEM_JSON.toString();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The API a path aimed at is its first non-empty segment's ({@code //v1/models} aimed at {@code /v1}). */
    private static String withoutLeadingSlashes(String rawPath) {
        int start = 0;
        while (start < rawPath.length() && rawPath.charAt(start) == '/') {
            start++;
        }
        return rawPath.substring(start);
    }
}
