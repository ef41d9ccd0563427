package cluster.messages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * jqwik generators for every catalogue class, built from the classes' fields by reflection, so a
 * message added to {@link Message}'s permits list is generated (and round-trip tested) without
 * touching the tests. Strings mix id-like text with arbitrary Unicode (unpaired surrogates,
 * control characters, quotes); {@link Nullable} fields are sometimes null.
 */
public final class ArbitraryMessages {

    private ArbitraryMessages() {
    }

    public static Arbitrary<Envelope> envelopes() {
        return envelopes(Arbitraries.of(MessageCatalogue.MESSAGE_TYPES).flatMap(ArbitraryMessages::of));
    }

    public static Arbitrary<Envelope> envelopes(Arbitrary<? extends Message> bodies) {
        return Combinators.combine(strings(), strings(), Arbitraries.longs(), clocks(), bodies)
                .as((src, dest, msgId, clock, body) -> new Envelope(src, dest, msgId, clock, body));
    }

    /** Complete instances of one catalogue class. */
    @SuppressWarnings("unchecked")
    public static <T> Arbitrary<T> of(Class<T> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            return Arbitraries.create(() -> BinaryLayout.newInstance(type));
        }
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Field f : fields) {
            Arbitrary<Object> value = (Arbitrary<Object>) forType(f.getGenericType());
            values.add(f.isAnnotationPresent(Nullable.class) ? value.injectNull(0.3) : value);
        }
        return Combinators.combine(values).as(list -> {
            T instance = BinaryLayout.newInstance(type);
            for (int i = 0; i < fields.size(); i++) {
                try {
                    fields.get(i).set(instance, list.get(i));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return instance;
        });
    }

    public static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-_.:/@{}").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("\"\\\n\r\t\u0000\u2028\ud800\udc00\u00e9\u20ac").ofMaxLength(8));
    }

    static Arbitrary<Map<String, Long>> clocks() {
        return Arbitraries.maps(strings(), Arbitraries.longs()).ofMaxSize(6);
    }

    private static Arbitrary<?> forType(Type type) {
        if (type == int.class || type == Integer.class) {
            return Arbitraries.integers();
        }
        if (type == long.class || type == Long.class) {
            return Arbitraries.longs();
        }
        if (type == boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (type == String.class) {
            return strings();
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return Arbitraries.of(c.getEnumConstants());
        }
        if (type instanceof Class<?> c && MessageCatalogue.VALUE_TYPES.contains(c)) {
            return of(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return forType(p.getActualTypeArguments()[0]).list().ofMaxSize(5);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return clocks();
        }
        throw new IllegalArgumentException("no generator for " + type);
    }
}
