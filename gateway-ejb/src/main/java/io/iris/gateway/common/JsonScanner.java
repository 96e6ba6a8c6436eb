package io.iris.gateway.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A strict JSON grammar check over bytes that also reports where each top-level member of the object sits,
 * so the proxy can read a few fields and splice the body without parsing it into objects. Allocates only the
 * member list and the top-level keys. Not thread-safe: one instance per body.
 */
public final class JsonScanner {
    /** One top-level member: the key, where its key string starts, and where its value starts and ends. */
    public record Member(String key, int keyStart, int valueStart, int valueEnd) {
    }

    /** The body is not one JSON object; the message says where, never what. */
    public static final class MalformedJsonException extends Exception {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 512;
    /** Up to this many members, keys are compared pairwise: cheaper than hashing them into a set. */
    private static final int PAIRWISE_MEMBERS = 16;

    private final byte[] json;
    private int pos;

    private JsonScanner(byte[] json) {
        this.json = json;
    }

    public static List<Member> members(byte[] json) throws MalformedJsonException {
        return new JsonScanner(json).topLevel();
    }

    /**
     * The first key that appears twice among {@code members} (in the order of its second appearance), empty when
     * all keys differ. A typical request body has a handful of members, compared pairwise without allocating.
     */
    public static Optional<String> firstDuplicate(List<Member> members) {
        int size = members.size();
        if (size <= PAIRWISE_MEMBERS) {
            for (int i = 1; i < size; i++) {
                String key = members.get(i).key();
                for (int j = 0; j < i; j++) {
                    if (members.get(j).key().equals(key)) {
                        return Optional.of(key);
                    }
                }
            }
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>(size * 2);
        for (Member member : members) {
            if (!seen.add(member.key())) {
                return Optional.of(member.key());
            }
        }
        return Optional.empty();
    }

    private List<Member> topLevel() throws MalformedJsonException {
        skipWhitespace();
        expect('{');
        List<Member> members = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                int keyStart = pos;
                String key = readKey();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                int valueStart = pos;
                value(1);
                members.add(new Member(key, keyStart, valueStart, pos));
                skipWhitespace();
                int c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }
        skipWhitespace();
        if (pos != json.length) {
            throw error("unexpected content after the JSON object");
        }
        return members;
    }

    private void value(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        int c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object(int depth) throws MalformedJsonException {
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            value(depth + 1);
            skipWhitespace();
            int c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private void array(int depth) throws MalformedJsonException {
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            value(depth + 1);
            skipWhitespace();
            int c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readKey() throws MalformedJsonException {
        int start = pos;
        boolean escaped = string();
        String raw = new String(json, start + 1, pos - start - 2, StandardCharsets.UTF_8);
        return escaped ? JsonStrings.unescape(raw) : raw;
    }

    /** Skips a string; tells whether it held escapes. */
    private boolean string() throws MalformedJsonException {
        expect('"');
        boolean escaped = false;
        while (true) {
            int c = next();
            if (c == '"') {
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                int e = next();
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw error("invalid \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("invalid escape");
                }
            } else if (c < 0x20) {
                throw error("control character in a string");
            }
        }
    }

    private void literal(String word) throws MalformedJsonException {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("invalid literal");
            }
        }
    }

    private void number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (!digits()) {
            throw error(start == pos ? "unexpected character" : "invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("invalid number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("invalid number");
            }
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < json.length && json[pos] >= '0' && json[pos] <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void skipWhitespace() {
        while (pos < json.length) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) throws MalformedJsonException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private int peek() {
        return pos < json.length ? json[pos] & 0xff : -1;
    }

    private int next() throws MalformedJsonException {
        if (pos >= json.length) {
            throw new MalformedJsonException("the body ends too early");
        }
        return json[pos++] & 0xff;
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException(what + " at byte " + Math.max(0, pos - 1));
    }
}
