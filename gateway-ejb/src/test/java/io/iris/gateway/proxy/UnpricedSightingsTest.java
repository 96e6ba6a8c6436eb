package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnpricedSightingsTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void sighted_samePairTwice_oneWarning() {
        UnpricedSightings sightings = new UnpricedSightings(10, warnings::add);

        sightings.sighted("openai", "my-model");
        sightings.sighted("openai", "my-model");

        assertEquals(List.of("no price for model \"my-model\" at provider \"openai\": add one to /api/pricing"),
                warnings);
        assertEquals("my-model", sightings.label("openai", "my-model"));
    }

    @Test
    void sighted_pastCapacity_noMoreTrackedOneWarningThenOnlyCounted() {
        UnpricedSightings sightings = new UnpricedSightings(3, warnings::add);

        for (int i = 0; i < 1_000; i++) {
            sightings.sighted("p", "model-" + i);
        }

        assertEquals(3, sightings.tracked());
        assertEquals(997, sightings.untracked());
        assertEquals(4, warnings.size(), "three pairs and one note that the rest are not reported");
        assertTrue(warnings.get(3).startsWith("more than 3 models without a price"));
        assertEquals("model-2", sightings.label("p", "model-2"));
        assertEquals(UnpricedSightings.OTHER, sightings.label("p", "model-500"));
    }

    @Test
    void sighted_nameWithLineBreaksAndHugeLength_warningEscapedAndCut() {
        UnpricedSightings sightings = new UnpricedSightings(10, warnings::add);

        sightings.sighted("p\r\nFAKE", "m\nINFO forged line" + "x".repeat(10_000));

        String warning = warnings.get(0);
        assertFalse(warning.contains("\n") || warning.contains("\r"), warning);
        assertTrue(warning.contains("\\nINFO forged line"), warning);
        assertTrue(warning.length() < 300, "length " + warning.length());
    }
}
