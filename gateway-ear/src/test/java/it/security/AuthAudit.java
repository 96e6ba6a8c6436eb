package it.security;

import it.support.Gateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server's auth_failure audit lines (messages.log), as the security ITs look for them. */
final class AuthAudit {
    private static final String MARK = "{\"event\":\"auth_failure\"";

    private AuthAudit() {
    }

    static Path messagesLog() {
        return Gateway.SERVER_DIR.resolve("logs/messages.log");
    }

    static String messagesLogText() {
        try {
            return Files.readString(messagesLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The auth_failure lines of {@code address}, oldest first. */
    static List<JsonObject> linesOf(String address) {
        List<JsonObject> found = new ArrayList<>();
        for (String line : messagesLogText().split("\n")) {
            int json = line.indexOf(MARK);
            if (json >= 0) {
                JsonObject audit = Json.createReader(new StringReader(line.substring(json))).readObject();
                if (audit.getString("address").equals(address)) {
                    found.add(audit);
                }
            }
        }
        return found;
    }

    /** Waits (up to 5 s) until {@code address} has at least {@code count} lines; returns them. */
    static List<JsonObject> await(String address, int count) {
        List<JsonObject> lines = List.of();
        for (int i = 0; i < 50; i++) {
            lines = linesOf(address);
            if (lines.size() >= count) {
                return lines;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lines;
    }
}
