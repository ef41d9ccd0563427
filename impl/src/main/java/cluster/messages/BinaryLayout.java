package cluster.messages;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generic binary body layout: the public instance fields of a catalogue class, in declaration
 * order, each in the format of {@link BodyWriter}. Built once per class by reflection; messages
 * that are hot on the wire replace it with hand-written code producing the same bytes.
 *
 * <p>Supported field types: int, long, boolean, String, Integer, Long, enums, catalogue value classes,
 * {@link Message}, {@code List} of any of these, and {@code Map<String, Long>}. Any other type
 * fails when the class is first used (the round-trip tests use every class).
 */
final class BinaryLayout {

    private interface Writer {
        void write(BodyWriter out, Object value);
    }

    private interface Reader {
        Object read(BodyReader in);
    }

    /** Writes and reads one value of a declared type. */
    private record ValueCodec(Writer writer, Reader reader) {
    }

    private record FieldCodec(Field field, ValueCodec codec) {
    }

    private static final ClassValue<List<FieldCodec>> LAYOUTS = new ClassValue<>() {
        @Override
        protected List<FieldCodec> computeValue(Class<?> type) {
            List<FieldCodec> fields = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isPublic(mod) && !Modifier.isStatic(mod) && !Modifier.isTransient(mod)) {
                    fields.add(new FieldCodec(f, codecFor(f.getGenericType(), f.toString())));
                }
            }
            return List.copyOf(fields);
        }
    };

    /** No-arg constructors, looked up once: {@code Class.getConstructor} per decode cost more than the decode. */
    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                return type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("catalogue class without a public no-arg constructor: " + type, e);
            }
        }
    };

    private BinaryLayout() {
    }

    static void write(Object owner, BodyWriter out) {
        try {
            for (FieldCodec fc : LAYOUTS.get(owner.getClass())) {
                fc.codec.writer.write(out, fc.field.get(owner));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void read(Object owner, BodyReader in) {
        try {
            for (FieldCodec fc : LAYOUTS.get(owner.getClass())) {
                fc.field.set(owner, fc.codec.reader.read(in));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T newInstance(Class<T> type) {
        try {
            return type.cast(CONSTRUCTORS.get(type).newInstance());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + type, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueCodec codecFor(Type type, String where) {
        if (type == int.class) {
            return new ValueCodec((out, v) -> out.writeInt((Integer) v), BodyReader::readInt);
        }
        if (type == long.class) {
            return new ValueCodec((out, v) -> out.writeLong((Long) v), BodyReader::readLong);
        }
        if (type == boolean.class) {
            return new ValueCodec((out, v) -> out.writeBoolean((Boolean) v), BodyReader::readBoolean);
        }
        if (type == String.class) {
            return new ValueCodec((out, v) -> out.writeString((String) v), BodyReader::readString);
        }
        if (type == Integer.class) {
            return new ValueCodec((out, v) -> out.writeNullableInt((Integer) v), BodyReader::readNullableInt);
        }
        if (type == Long.class) {
            return new ValueCodec((out, v) -> {
                if (out.writePresence(v)) {
                    out.writeLong((Long) v);
                }
            }, in -> in.readPresence() ? in.readLong() : null);
        }
        if (type == Message.class) {
            return new ValueCodec((out, v) -> out.writeMessage((Message) v), BodyReader::readMessage);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) c;
            return new ValueCodec((out, v) -> out.writeEnum((Enum<?>) v), in -> in.readEnum(enumType));
        }
        if (type instanceof Class<?> c && MessageCatalogue.VALUE_TYPES.contains(c)) {
            return new ValueCodec((out, v) -> {
                if (out.writePresence(v)) {
                    write(v, out);
                }
            }, in -> {
                if (!in.readPresence()) {
                    return null;
                }
                Object value = newInstance(c);
                read(value, in);
                return value;
            });
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return listCodec(codecFor(p.getActualTypeArguments()[0], where));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == Long.class) {
            return new ValueCodec((out, v) -> out.writeClock((Map<String, Long>) v), BodyReader::readClock);
        }
        throw new IllegalStateException("no binary layout for field type " + type + " of " + where);
    }

    private static ValueCodec listCodec(ValueCodec element) {
        return new ValueCodec((out, v) -> {
            List<?> list = (List<?>) v;
            out.writeCount(list == null ? -1 : list.size());
            if (list != null) {
                for (Object item : list) {
                    element.writer.write(out, item);
                }
            }
        }, in -> {
            int count = in.readCount();
            if (count < 0) {
                return null;
            }
            List<Object> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(element.reader.read(in));
            }
            return list;
        });
    }
}
