package io.iris.gateway.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The data plane ({@code /v1}, {@code /anthropic}) and the management API ({@code /api}) share one root. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Iris gateway", version = "0.1.0",
        description = "OpenAI- and Anthropic-compatible AI gateway with a management API"))
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "adminToken")
public class IrisApplication extends Application {
}
