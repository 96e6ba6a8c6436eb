package it.proxy;

import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.GovernanceIT.REQUEST_COST;
import static it.proxy.GovernanceIT.budgetOf;
import static it.proxy.GovernanceIT.chat;
import static it.proxy.GovernanceIT.created;
import static it.proxy.DataPlane.pricedProvider;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.support.Gateway;
import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while the gateway serves (API.md §4, issue 6): the data plane keeps serving from its
 * in-memory configuration, usage stays in memory and reaches the database once it is back, and management writes
 * are refused with a 503 meanwhile. Needs PostgreSQL (CI's second run): the test stops the gateway's database by
 * refusing new connections to it and ending the open ones, which is what a stopped server looks like to the pool.
 */
class DatabaseOutageIT {
    private static final String HOST = env("DB_HOST", "127.0.0.1");
    private static final String PORT = env("DB_PORT", "5432");
    private static final String USER = env("DB_USER", "postgres");
    private static final String DATABASE = env("DB_NAME", "iris");

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? absent : value;
    }

    @Test
    void chat_databaseStoppedMidRun_servedUsageWrittenOnceBackAndWritesRefusedMeanwhile() throws Exception {
        assumeTrue("postgres".equals(System.getenv("DB_KIND")), "runs on PostgreSQL only (CI's second run)");
        String target = pricedProvider(scriptedKey(""));
        JsonObject vk = created("/api/virtual-keys", object().add("name", unique("outage-vk"))
                .add("budgets", array(budgetOf(100 * REQUEST_COST))));
        String value = vk.getString("value");
        assertEquals(200, chat(value, target + "/gpt-4o").statusCode());

        stopDatabase();
        try {
            for (int i = 0; i < 10; i++) {
                assertEquals(200, chat(value, target + "/gpt-4o").statusCode(), "served from memory");
            }
            Reply write = admin("POST", "/api/customers", object().add("name", unique("c")).build());
            assertEquals(503, write.status(), write.toString());
            assertTrue(write.body().contains("database_unavailable"), write.body());
            assertEquals(200, Gateway.send("GET", "/health/ready", null, null, null).status(),
                    "still ready: the data plane serves");
            Thread.sleep(3000); // several of the once-a-second usage flushes fail meanwhile
        } finally {
            startDatabase();
        }

        double stored = awaitStoredUsage(vk.getString("id"), 11 * REQUEST_COST);
        assertEquals(11 * REQUEST_COST, stored, 1e-9, "every request served during the outage is counted");
        String log = Files.readString(Gateway.SERVER_DIR.resolve("logs/messages.log"));
        assertTrue(log.contains("writing usage counters failed"), "the flushes did fail during the outage");
        assertTrue(log.contains("usage counters written again after"), "and caught up after it");
        assertEquals(11, awaitLoggedRequests(vk.getString("id"), 11), "the request log caught up too");
        log = Files.readString(Gateway.SERVER_DIR.resolve("logs/messages.log"));
        assertTrue(log.contains("writing the request log failed"), "request log batches failed during the outage");
        assertTrue(log.contains("the request log is written again"), "and were written after it");
        assertEquals(201, admin("POST", "/api/customers", object().add("name", unique("c")).build()).status());
    }

    /** The budget's stored usage once it reaches {@code expected}, or what it is after 30 s. */
    private static double awaitStoredUsage(String vkId, double expected) throws InterruptedException {
        double stored = -1;
        for (int i = 0; i < 60; i++) {
            Reply read = admin("GET", "/api/virtual-keys/" + vkId);
            if (read.status() == 200) {
                stored = read.json().getJsonArray("budgets").getJsonObject(0).getJsonNumber("current_usage")
                        .doubleValue();
                if (stored >= expected) {
                    return stored;
                }
            }
            Thread.sleep(500);
        }
        return stored;
    }

    /** How many request log records the virtual key has once they are {@code expected}, or after 30 s. */
    private static int awaitLoggedRequests(String vkId, int expected) throws InterruptedException {
        int logged = -1;
        for (int i = 0; i < 60 && logged < expected; i++) {
            Reply read = admin("GET", "/api/logs?virtual_key_id=" + vkId);
            logged = read.status() == 200 ? read.json().getJsonArray("data").size() : -1;
            Thread.sleep(500);
        }
        return logged;
    }

    private static void stopDatabase() throws SQLException {
        try (Connection admin = superuser(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + DATABASE + "\" ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    private static void startDatabase() throws SQLException {
        try (Connection admin = superuser(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + DATABASE + "\" ALLOW_CONNECTIONS true");
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
    }
}
