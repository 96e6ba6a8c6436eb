package io.iris.gateway.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminPathsTest {

    @Test
    void isAdmin_apiInAnyCaseWithOrWithoutSlashes_true() {
        for (String path : new String[] {"api", "/api", "api/", "/api/customers", "api/customers/", "API/customers",
            "/Api/teams", "aPI", "api;x=1/customers", "/api;x=1", "api/virtual-keys/self", "/api%2fcustomers"}) {
            assertTrue(AdminPaths.isAdmin(path), path);
        }
    }

    @Test
    void isAdmin_otherPaths_false() {
        for (String path : new String[] {"", "/", "v1/models", "/v1/chat/completions", "apis/customers", "/apix",
            "/ap", "x/api/customers", "anthropic/v1/messages", "/console/", "/.api"}) {
            assertFalse(AdminPaths.isAdmin(path), path);
        }
    }

    @Test
    void isSelf_exactPathOnly() {
        assertTrue(AdminPaths.isSelf("api/virtual-keys/self"));
        assertTrue(AdminPaths.isSelf("/api/virtual-keys/self"));
        for (String path : new String[] {"api/virtual-keys/self/", "api/virtual-keys/SELF", "API/virtual-keys/self",
            "api/virtual-keys/selfish", "api/virtual-keys/self;x=1", "api/virtual-keys", "/api/virtual-keys/self/x",
            "x/api/virtual-keys/self"}) {
            assertFalse(AdminPaths.isSelf(path), path);
        }
    }

    @Test
    void firstSegmentIs_dataPlaneFamilies() {
        assertTrue(AdminPaths.firstSegmentIs("/v1/chat/completions", "v1"));
        assertTrue(AdminPaths.firstSegmentIs("/v1;x=1/models", "v1"));
        assertTrue(AdminPaths.firstSegmentIs("/V1%2fmodels", "v1"));
        assertTrue(AdminPaths.firstSegmentIs("/anthropic\\v1", "anthropic"));
        assertFalse(AdminPaths.firstSegmentIs("/v10/x", "v1"));
        assertFalse(AdminPaths.firstSegmentIs("//v1/x", "v1"));
    }

    @Test
    void withLeadingSlash_eitherForm_oneSlash() {
        assertEquals("/api/teams", AdminPaths.withLeadingSlash("api/teams"));
        assertEquals("/api/teams", AdminPaths.withLeadingSlash("/api/teams"));
    }
}
