package cluster.messages;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a message is complete: every reference field not marked {@link Nullable} is
 * set, and no list or map holds a null. The codecs run it on every encode and decode, so
 * a decoder never returns a half-built message (Chronicle leaves absent fields at their
 * defaults rather than failing) and a sender learns about a bug at the send, not at the
 * far end.
 */
public final class MessageValidator {

    /** How to look inside a field's value, decided from its declared type. */
    private enum Kind { LEAF, LIST, MAP, NESTED }

    /**
     * A reference field to check, with everything known about it up front: reflection per call
     * was slow, and so were instanceof tests against List and Map on every value (they thrash
     * the JVM's one-entry interface cache when the same classes alternate).
     */
    private record CheckedField(Field field, String name, Kind kind, boolean nestedItems, boolean required,
                                String requiredMessage) {
    }

    /** The reference fields of each catalogue class; null for classes whose insides are not checked. */
    private static final ClassValue<List<CheckedField>> CHECKED_FIELDS = new ClassValue<>() {
        @Override
        protected List<CheckedField> computeValue(Class<?> type) {
            if (type.getPackage() != MessageValidator.class.getPackage() || type.isEnum()) {
                return null;
            }
            List<CheckedField> fields = new ArrayList<>();
            for (Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    fields.add(new CheckedField(f, f.getName(), kindOf(f.getType()), hasNestedItems(f),
                            !f.isAnnotationPresent(Nullable.class), type.getSimpleName() + "." + f.getName() + " is required"));
                }
            }
            return List.copyOf(fields);
        }
    };

    private MessageValidator() {
    }

    private static Kind kindOf(Class<?> declared) {
        if (declared == List.class) {
            return Kind.LIST;
        }
        if (declared == Map.class) {
            return Kind.MAP;
        }
        return isCatalogueValue(declared) ? Kind.NESTED : Kind.LEAF;
    }

    /** Whether a list's items (a map's values) are catalogue objects to look into, not just to null-check. */
    private static boolean hasNestedItems(Field f) {
        if (!(f.getGenericType() instanceof ParameterizedType p)) {
            return false;
        }
        Type[] args = p.getActualTypeArguments();
        return args[args.length - 1] instanceof Class<?> item && isCatalogueValue(item);
    }

    private static boolean isCatalogueValue(Class<?> type) {
        return type.getPackage() == MessageValidator.class.getPackage() && !type.isEnum();
    }

    /** Throws {@link InvalidMessageException} naming the first missing field. */
    public static void validate(Envelope envelope) {
        validate(envelope, "Envelope");
    }

    /** Validates a message or nested value on its own (e.g. a trace file entry); {@code path} names it in errors. */
    public static void validate(Object value, String path) {
        String problem = value == null ? " is null" : problem(value);
        // (a String, number or enum on its own has nothing inside to check: CHECKED_FIELDS gives null)
        if (problem != null) {
            throw new InvalidMessageException(path + problem);
        }
    }

    /** Null if the catalogue object is complete, else where and what is missing (built only on failure). */
    private static String problem(Object value) {
        List<CheckedField> fields = CHECKED_FIELDS.get(value.getClass());
        if (fields == null) {
            return null;
        }
        for (CheckedField f : fields) {
            Object fieldValue = read(f.field, value);
            String p;
            if (fieldValue == null) {
                p = f.required ? " is null (" + f.requiredMessage + ")" : null;
            } else {
                p = switch (f.kind) {
                    case LEAF -> null;
                    case NESTED -> problem(fieldValue);
                    case LIST -> listProblem((List<?>) fieldValue, f.nestedItems);
                    case MAP -> mapProblem((Map<?, ?>) fieldValue, f.nestedItems);
                };
            }
            if (p != null) {
                return "." + f.name + p;
            }
        }
        return null;
    }

    private static String listProblem(List<?> items, boolean nested) {
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String p = item == null ? " is null" : nested ? problem(item) : null;
            if (p != null) {
                return "[" + i + "]" + p;
            }
        }
        return null;
    }

    private static String mapProblem(Map<?, ?> map, boolean nested) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null) {
                return " has a null key";
            }
            String p = e.getValue() == null ? " is null" : nested ? problem(e.getValue()) : null;
            if (p != null) {
                return "[" + e.getKey() + "]" + p;
            }
        }
        return null;
    }

    private static Object read(Field f, Object owner) {
        try {
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("message fields must be public: " + f, e);
        }
    }
}
