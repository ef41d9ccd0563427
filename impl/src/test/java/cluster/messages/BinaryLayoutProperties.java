package cluster.messages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.openhft.chronicle.bytes.Bytes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written marshalling of the hot messages must produce exactly the bytes of the
 * generic {@link BinaryLayout} and read them back the same way, so the two can never drift.
 */
class BinaryLayoutProperties {

    private static final List<Class<? extends CatalogueMarshallable>> HAND_WRITTEN =
            List.of(Envelope.class, LaunchExecutor.class, ExecutorStateChanged.class, Heartbeat.class);

    @Provide
    Arbitrary<CatalogueMarshallable> handWritten() {
        return Arbitraries.oneOf(List.of(ArbitraryMessages.envelopes(), ArbitraryMessages.of(LaunchExecutor.class),
                ArbitraryMessages.of(ExecutorStateChanged.class), ArbitraryMessages.of(Heartbeat.class)));
    }

    @Property(tries = 500)
    void handWrittenBytesEqualTheGenericLayout(@ForAll("handWritten") CatalogueMarshallable value) {
        Bytes<?> handWritten = Bytes.allocateElasticOnHeap();
        value.writeMarshallable(handWritten);
        Bytes<?> generic = Bytes.allocateElasticOnHeap();
        BinaryLayout.write(value, generic);
        assertArrayEquals(generic.toByteArray(), handWritten.toByteArray());

        CatalogueMarshallable viaGeneric = BinaryLayout.newInstance(value.getClass());
        BinaryLayout.read(viaGeneric, Bytes.wrapForRead(generic.toByteArray()));
        CatalogueMarshallable viaHandWritten = BinaryLayout.newInstance(value.getClass());
        viaHandWritten.readMarshallable(Bytes.wrapForRead(handWritten.toByteArray()));
        assertEquals(value, viaGeneric);
        assertEquals(value, viaHandWritten);
    }

    @Property(tries = 200)
    void modifiedUtf8RoundTripsAnyString(@ForAll String text) {
        assertEquals(text, ModifiedUtf8.decode(ModifiedUtf8.encode(text)));
    }

    @net.jqwik.api.Example
    void theHandWrittenClassesOverrideBothMethods() throws Exception {
        for (Class<?> type : HAND_WRITTEN) {
            assertEquals(type, type.getMethod("writeMarshallable", net.openhft.chronicle.bytes.BytesOut.class).getDeclaringClass());
            assertEquals(type, type.getMethod("readMarshallable", net.openhft.chronicle.bytes.BytesIn.class).getDeclaringClass());
        }
    }
}
