package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void write_nestedObjectsAndArrays_compactJsonThatParses() {
        String text = new JsonText(64).writeStartObject()
                .write("name", "a").write("count", 3L).write("share", 0.25).write("on", true).writeNull("none")
                .writeStartArray("list").write("x").writeStartObject().write("k", 1L).writeEnd().write("y").writeEnd()
                .writeStartObject("inner").writeStartArray("empty").writeEnd().writeEnd()
                .writeEnd().toString();

        assertEquals("{\"name\":\"a\",\"count\":3,\"share\":0.25,\"on\":true,\"none\":null,"
                + "\"list\":[\"x\",{\"k\":1},\"y\"],\"inner\":{\"empty\":[]}}", text);
        JsonObject parsed = JsonP.PROVIDER.createReader(new StringReader(text)).readObject();
        assertEquals(3, parsed.getJsonArray("list").size());
    }

    @Test
    void write_stringsWithQuotesBackslashesAndControlCharacters_escapedAndReadBackTheSame() {
        String nasty = "say \"hi\"\\ \n\r\t\b\f \u0000\u001f é 日本 \uD83D\uDE00";

        String text = new JsonText(64).writeStartArray().write(nasty).writeEnd().toString();

        JsonArray parsed = JsonP.PROVIDER.createReader(new StringReader(text)).readArray();
        assertEquals(nasty, parsed.getString(0));
        assertEquals(-1, text.indexOf('\u0000'), "no raw control character");
    }

    @Test
    void write_delC1AndUnicodeLineSeparators_escapedSoNoLogViewerBreaksTheLine() {
        String sneaky = "a\u007fb\u0085c\u2028d\u2029e";

        String text = new JsonText(32).write(sneaky).toString();

        assertEquals("\"a\\u007fb\\u0085c\\u2028d\\u2029e\"", text);
        assertEquals(sneaky, JsonP.PROVIDER.createReader(new StringReader("[" + text + "]")).readArray().getString(0));
    }

    @Test
    void write_aStringAlone_itsQuotedLiteral() {
        assertEquals("\"a\\\"b\\u0001\"", new JsonText(8).write("a\"b\u0001").toString());
    }

    @Test
    void write_nonFiniteDouble_null() {
        String text = new JsonText(16).writeStartObject().write("a", Double.NaN)
                .write("b", Double.POSITIVE_INFINITY).writeEnd().toString();

        assertEquals("{\"a\":null,\"b\":null}", text);
    }

    @Test
    void writeStartObject_deeperThanTheFirstAllocation_grows() {
        JsonText json = new JsonText(16);
        for (int i = 0; i < 20; i++) {
            json.writeStartArray();
        }
        for (int i = 0; i < 20; i++) {
            json.writeEnd();
        }

        assertEquals("[".repeat(20) + "]".repeat(20), json.toString());
    }
}
