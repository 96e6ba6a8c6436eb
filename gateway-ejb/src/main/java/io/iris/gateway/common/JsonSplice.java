package io.iris.gateway.common;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Byte edits of a JSON text that {@link JsonScanner} has mapped: replace a value, remove a member, insert one,
 * while every other byte stays as it was. Stateless.
 */
public final class JsonSplice {
    private JsonSplice() {
    }

    /** Replace {@code json[start, end)} by {@code replacement} (an insertion when start == end). */
    public record Edit(int start, int end, byte[] replacement) {
    }

    /** {@code json} with {@code edits} applied; edits must not overlap. */
    public static byte[] apply(byte[] json, List<Edit> edits) {
        List<Edit> ordered = edits;
        int grows = 0;
        for (int i = 0; i < edits.size(); i++) {
            grows += edits.get(i).replacement().length;
            if (i > 0 && edits.get(i).start() < edits.get(i - 1).start() && ordered == edits) {
                ordered = new ArrayList<>(edits);
            }
        }
        if (ordered != edits) {
            // Edits come in body order on every request but one that inserts stream_options ahead of a member.
            ordered.sort(Comparator.comparingInt(Edit::start));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + grows);
        int copied = 0;
        for (Edit edit : ordered) {
            out.write(json, copied, edit.start() - copied);
            out.writeBytes(edit.replacement());
            copied = edit.end();
        }
        out.write(json, copied, json.length - copied);
        return out.toByteArray();
    }

    /** The edit that removes member {@code i} of {@code members} together with one neighbouring comma. */
    public static Edit removal(List<JsonScanner.Member> members, int i) {
        JsonScanner.Member m = members.get(i);
        if (i + 1 < members.size()) {
            return new Edit(m.keyStart(), members.get(i + 1).keyStart(), new byte[0]);
        }
        int start = i == 0 ? m.keyStart() : members.get(i - 1).valueEnd();
        return new Edit(start, m.valueEnd(), new byte[0]);
    }

    /** Where the closing brace of the object that {@code json} holds is (the last non-whitespace byte). */
    public static int closingBrace(byte[] json) {
        int end = json.length - 1;
        while (end > 0 && json[end] != '}') {
            end--;
        }
        return end;
    }
}
