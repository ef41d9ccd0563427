package cluster.conf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @Test
    void unitsAndTheKeysOwnUnitForABareNumber() {
        assertEquals(500, Durations.parseMs("k", "500ms", 1000));
        assertEquals(5_000, Durations.parseMs("k", " 5s ", 1));
        assertEquals(120_000, Durations.parseMs("k", "2min", 1));
        assertEquals(60_000, Durations.parseMs("k", "1m", 1));
        assertEquals(3_600_000, Durations.parseMs("k", "1H", 1));
        assertEquals(60_000, Durations.parseMs("spark.worker.timeout", "60", 1000));
        assertEquals(60, Durations.parseMs("k", "60", 1));
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        for (String bad : new String[] {"", "1.5s", "-1s", "5 seconds", "0ms", "99999999999999999999h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Durations.parseMs("spark.some.timeout", bad, 1));
            assertTrue(e.getMessage().startsWith("spark.some.timeout must be "), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
