/**
 * Codecs for {@link cluster.messages.Envelope}: {@link cluster.messages.codec.BinaryEnvelopeCodec}
 * (Chronicle Wire BINARY_LIGHT, one envelope per frame, for TCP) and
 * {@link cluster.messages.codec.JsonEnvelopeCodec} (Chronicle Wire JSON_ONLY, one envelope per
 * line, for traces and the Maelstrom-style harness). Both validate on encode and are strict on
 * decode: anything but one complete envelope is a {@link cluster.messages.codec.MessageCodecException}.
 * {@link cluster.messages.codec.WireSelfCheck#verify()} is the start-up check of the JVM flags.
 * Codec instances are not thread-safe; keep one per thread.
 */
package cluster.messages.codec;
