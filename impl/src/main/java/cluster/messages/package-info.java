/**
 * The protocol's message catalogue: one class per message, named as in the TLA+ spec and the
 * trace files, all listed in {@link cluster.messages.Message}'s permits clause, plus
 * {@link cluster.messages.Envelope}, the unit that travels (sender, receiver, per-sender message
 * id, vector clock, body).
 *
 * <p>Every class has public fields, a no-arg constructor and an all-args constructor; every
 * reference field is required unless marked {@link cluster.messages.Nullable}; lists are never
 * null. Commands a master sends carry its {@code epoch}. Text forms (JSON, YAML, toString) are
 * Chronicle's reflective ones; the binary body is the strict compact format of
 * {@link cluster.messages.BodyWriter}. Codecs are in {@link cluster.messages.codec}.
 */
package cluster.messages;
