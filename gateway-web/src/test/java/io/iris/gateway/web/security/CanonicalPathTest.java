package io.iris.gateway.web.security;

import static io.iris.gateway.web.security.CanonicalPath.Defect.BACKSLASH;
import static io.iris.gateway.web.security.CanonicalPath.Defect.BAD_ENCODING;
import static io.iris.gateway.web.security.CanonicalPath.Defect.CONTROL_CHARACTER;
import static io.iris.gateway.web.security.CanonicalPath.Defect.DOT_SEGMENT;
import static io.iris.gateway.web.security.CanonicalPath.Defect.EMPTY_SEGMENT;
import static io.iris.gateway.web.security.CanonicalPath.Defect.ENCODED_DELIMITER;
import static io.iris.gateway.web.security.CanonicalPath.Defect.MATRIX_PARAMETER;
import static io.iris.gateway.web.security.CanonicalPath.Defect.NOT_ABSOLUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalPathTest {

    @Test
    void defectOf_canonicalPaths_none() {
        for (String path : new String[] {"/", "/api", "/api/customers", "/api/customers/", "/API/customers",
            "/api/virtual-keys/self", "/v1/chat/completions", "/v1/models/openai/gpt-4.1", "/v1/models/gpt-4o-mini",
            "/anthropic/v1/messages", "/api/logs/stats", "/console/", "/x/.well-known/y", "/a/..b/c", "/a/b../c",
            "/a/.../c", "/genai/v1beta/models/gemini-2.0-flash:generateContent", "/v1/models/a%20b",
            "/%61pi/customers", "/api/customers/%7E", "/bedrock/model/anthropic.claude-3/converse", "/api/x%25y"}) {
            assertNull(CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_matrixParameters_inAnySegment() {
        for (String path : new String[] {"/api;x=1/customers", "/api/customers;x=1", "/api;/customers", "/;/api",
            "/v1;a=b/chat/completions", "/anthropic/v1/messages;"}) {
            assertEquals(MATRIX_PARAMETER, CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_emptySegments() {
        for (String path : new String[] {"//api/customers", "/api//customers", "/api/customers//", "//"}) {
            assertEquals(EMPTY_SEGMENT, CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_dotSegments_anywhereAndTrailing() {
        for (String path : new String[] {"/./api/customers", "/api/./customers", "/api/../api/customers",
            "/x/../api/customers", "/api/customers/.", "/api/customers/..", "/.", "/..", "/v1/models/.."}) {
            assertEquals(DOT_SEGMENT, CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_encodedDelimiters_anyCase() {
        for (String path : new String[] {"/%2e/api/customers", "/%2E%2E/api", "/api%2fcustomers", "/api%2Fcustomers",
            "/api%5ccustomers", "/api%5Ccustomers", "/api%3bx=1/customers", "/api%3Bx", "/api/customers%00",
            "/api/customers%0a", "/api/customers%0D", "/api%7f", "/api/.%2e/x", "/v1/models/openai%2Fgpt-4o"}) {
            assertEquals(ENCODED_DELIMITER, CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_badPercentEncodings() {
        for (String path : new String[] {"/api%", "/api%2", "/api%zz/x", "/api%g0", "/api%\uff12e"}) {
            assertEquals(BAD_ENCODING, CanonicalPath.defectOf(path), path);
        }
    }

    @Test
    void defectOf_backslashAndControlCharacters() {
        Map<String, CanonicalPath.Defect> cases = Map.of(
                "/api\\customers", BACKSLASH,
                "\\api", NOT_ABSOLUTE,
                "/api/customers\u0000", CONTROL_CHARACTER,
                "/api/\ncustomers", CONTROL_CHARACTER,
                "/api\t", CONTROL_CHARACTER,
                "/api\u007f", CONTROL_CHARACTER);
        cases.forEach((path, defect) -> assertEquals(defect, CanonicalPath.defectOf(path), path));
    }

    @Test
    void defectOf_notAbsolute() {
        assertEquals(NOT_ABSOLUTE, CanonicalPath.defectOf(""));
        assertEquals(NOT_ABSOLUTE, CanonicalPath.defectOf("api/customers"));
        assertEquals(NOT_ABSOLUTE, CanonicalPath.defectOf("http://host/api"));
    }
}
