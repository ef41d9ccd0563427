package cluster.messages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.util.Arrays;
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
        BodyWriter handWritten = new BodyWriter();
        value.writeBody(handWritten);
        BodyWriter generic = new BodyWriter();
        BinaryLayout.write(value, generic);
        byte[] bytes = Arrays.copyOf(generic.buffer(), generic.size());
        assertArrayEquals(bytes, Arrays.copyOf(handWritten.buffer(), handWritten.size()));

        CatalogueMarshallable viaGeneric = BinaryLayout.newInstance(value.getClass());
        BodyReader genericReader = new BodyReader(bytes);
        BinaryLayout.read(viaGeneric, genericReader);
        genericReader.requireEnd("generic");
        CatalogueMarshallable viaHandWritten = BinaryLayout.newInstance(value.getClass());
        BodyReader handReader = new BodyReader(bytes);
        viaHandWritten.readBody(handReader);
        handReader.requireEnd("hand-written");
        assertEquals(value, viaGeneric);
        assertEquals(value, viaHandWritten);
    }

    /** Through Chronicle's own entry points too: a BINARY_LIGHT wire, typed. */
    @Property(tries = 200)
    void chronicleBinaryWireRoundTrip(@ForAll("handWritten") CatalogueMarshallable value) {
        Wire wire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap());
        wire.getValueOut().object(value);
        assertEquals(value, wire.getValueIn().object());
    }

    @Property(tries = 200)
    void modifiedUtf8RoundTripsAnyString(@ForAll String text) {
        assertEquals(text, ModifiedUtf8.decode(ModifiedUtf8.encode(text)));
    }

    @net.jqwik.api.Example
    void theHandWrittenClassesOverrideBothMethods() throws Exception {
        for (Class<?> type : HAND_WRITTEN) {
            type.getDeclaredMethod("writeBody", BodyWriter.class);
            type.getDeclaredMethod("readBody", BodyReader.class);
        }
    }
}
