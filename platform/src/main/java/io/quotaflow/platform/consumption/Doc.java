package io.quotaflow.platform.consumption;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One document as a chunk sees and changes it. Changes are recorded as MongoDB update operators (applied later,
 * fenced, by the ledger) and, when the document was read ({@link #loaded()}), applied to the copy in memory too,
 * so later records of the same chunk see them.
 *
 * <p>Values are stored BSON-friendly: {@link BigDecimal} as Decimal128, {@link Instant} as a date, {@link
 * LocalDate}, {@link YearMonth}, {@link UUID} and enums as strings. Paths are dotted ({@code days.03.revenue});
 * keys must not contain dots or start with {@code $}.
 */
public final class Doc {

    static final String VERSION = "v";
    static final String HIGH_WATER = "hw";

    private enum Kind { SET, INC, MAX, MIN, ADD_TO_SET, UNSET }

    private record Op(Kind kind, Object value) {
    }

    private final String collection;
    private final String id;
    private final Document state;
    private final boolean existed;
    private final Map<String, Op> ops = new LinkedHashMap<>();
    /**
     * Every proper prefix of the paths of {@link #ops} ({@code d} and {@code d.03} for {@code d.03.revenue}) with how
     * many recorded paths lie below it: whether a new path conflicts with a recorded one is then a few hash lookups.
     */
    private final Map<String, Integer> ancestors = new HashMap<>();

    private Doc(String collection, String id, Document state, boolean existed) {
        this.collection = collection;
        this.id = id;
        this.state = state;
        this.existed = existed;
    }

    /** A document that was read: {@code stored} is its content, or {@code null} when there is none yet. */
    static Doc loaded(String collection, String id, Document stored) {
        Document copy = stored == null ? new Document("_id", id) : deepCopy(stored);
        copy.remove(VERSION);
        copy.remove(HIGH_WATER);
        return new Doc(collection, id, copy, stored != null);
    }

    /** A document written without being read (blind increments and sets). */
    static Doc blind(String collection, String id) {
        return new Doc(collection, id, null, false);
    }

    public String collection() {
        return collection;
    }

    public String id() {
        return id;
    }

    /** Whether the content was read, so that it can be looked at. */
    public boolean loaded() {
        return state != null;
    }

    /** Whether the document existed before this chunk (only known when loaded). */
    public boolean existed() {
        requireLoaded("existed");
        return existed;
    }

    /** Whether anything has been written to the document, by this chunk or before. */
    public boolean isEmpty() {
        requireLoaded("isEmpty");
        return state.size() <= 1;
    }

    // ---- reads (loaded documents only) --------------------------------------------------------------------

    public Object get(String path) {
        requireLoaded(path);
        Object current = state;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Document document)) {
                return null;
            }
            current = document.get(key);
        }
        return current;
    }

    public boolean has(String path) {
        return get(path) != null;
    }

    /** A decimal, zero when absent. */
    public BigDecimal decimal(String path) {
        BigDecimal value = decimalOrNull(path);
        return value == null ? BigDecimal.ZERO : value;
    }

    public BigDecimal decimalOrNull(String path) {
        return toDecimal(get(path));
    }

    /** A whole number, zero when absent. */
    public long count(String path) {
        Object value = get(path);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    public String string(String path) {
        Object value = get(path);
        return value == null ? null : value.toString();
    }

    public Instant instant(String path) {
        Object value = get(path);
        return value instanceof Date date ? date.toInstant() : value instanceof Instant instant ? instant : null;
    }

    /** A nested document (read-only view); empty when absent. */
    public Document document(String path) {
        Object value = get(path);
        return value instanceof Document document ? document : new Document();
    }

    /** A list; empty when absent. */
    public List<Object> list(String path) {
        Object value = get(path);
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    public Doc set(String path, Object value) {
        Object bson = bson(value);
        if (bson == null) {
            return unset(path);
        }
        record(path, Kind.SET, bson);
        if (loaded()) {
            put(path, deepCopyValue(bson));
        }
        return this;
    }

    public Doc inc(String path, BigDecimal delta) {
        if (delta.signum() == 0) {
            return this;
        }
        record(path, Kind.INC, new Decimal128(delta));
        if (loaded()) {
            BigDecimal current = toDecimal(get(path));
            put(path, new Decimal128((current == null ? BigDecimal.ZERO : current).add(delta)));
        }
        return this;
    }

    public Doc inc(String path, long delta) {
        if (delta == 0) {
            return this;
        }
        record(path, Kind.INC, delta);
        if (loaded()) {
            Object current = get(path);
            put(path, current instanceof Decimal128 decimal
                    ? new Decimal128(decimal.bigDecimalValue().add(BigDecimal.valueOf(delta)))
                    : (current instanceof Number number ? number.longValue() : 0L) + delta);
        }
        return this;
    }

    /** Keeps the larger of the stored and the given value (numbers, strings, dates). */
    public Doc max(String path, Object value) {
        return extreme(path, value, Kind.MAX);
    }

    /** Keeps the smaller of the stored and the given value. */
    public Doc min(String path, Object value) {
        return extreme(path, value, Kind.MIN);
    }

    /** Adds {@code value} to the set at {@code path} unless an equal element is there. */
    public Doc addToSet(String path, Object value) {
        Object bson = bson(value);
        record(path, Kind.ADD_TO_SET, bson);
        if (loaded()) {
            List<Object> current = new ArrayList<>(list(path));
            if (!current.contains(bson)) {
                current.add(deepCopyValue(bson));
            }
            put(path, current);
        }
        return this;
    }

    public Doc unset(String path) {
        record(path, Kind.UNSET, "");
        if (loaded()) {
            remove(path);
        }
        return this;
    }

    /** Whether this chunk changed the document. */
    public boolean changed() {
        return !ops.isEmpty();
    }

    /** The recorded changes as a MongoDB update document (without the ledger's fence). */
    Document update() {
        Document update = new Document();
        ops.forEach((path, op) -> {
            String operator = switch (op.kind()) {
                case SET -> "$set";
                case INC -> "$inc";
                case MAX -> "$max";
                case MIN -> "$min";
                case ADD_TO_SET -> "$addToSet";
                case UNSET -> "$unset";
            };
            Object value = op.kind() == Kind.ADD_TO_SET ? new Document("$each", op.value()) : op.value();
            ((Document) update.computeIfAbsent(operator, k -> new Document())).append(path, value);
        });
        return update;
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private Doc extreme(String path, Object value, Kind kind) {
        Object bson = bson(Objects.requireNonNull(value, "value"));
        Op existing = ops.get(path);
        Object candidate = existing != null && existing.kind() == kind ? pick(kind, existing.value(), bson) : bson;
        record(path, kind, candidate);
        if (loaded()) {
            Object current = get(path);
            put(path, current == null ? bson : pick(kind, current, bson));
        }
        return this;
    }

    private void record(String path, Kind kind, Object value) {
        checkPath(path);
        Op existing = ops.get(path);
        if (existing != null && existing.kind() == kind) {
            ops.put(path, new Op(kind, merge(kind, existing.value(), value)));
            return;
        }
        if (existing == null && !ancestors.containsKey(path) && !hasRecordedAncestor(path)) {
            ops.put(path, new Op(kind, kind == Kind.ADD_TO_SET ? new ArrayList<>(List.of(value)) : value));
            countAncestors(path, 1);
            return;
        }
        List<String> conflicting = conflicting(path);
        if (!loaded()) {
            throw new IllegalStateException("conflicting updates of " + collection + "/" + id + " at " + path
                    + " and " + conflicting + ": read the document first (prefetch) to combine them");
        }
        // Collapse into one $set of the outermost path, from the content in memory (updated by the caller next).
        String outermost = path;
        for (String other : conflicting) {
            ops.remove(other);
            countAncestors(other, -1);
            if (outermost.startsWith(other + ".")) {
                outermost = other;
            }
        }
        ops.put(outermost, new Op(Kind.SET, Deferred.INSTANCE));
        countAncestors(outermost, 1);
        pendingCollapse = outermost;
    }

    private boolean hasRecordedAncestor(String path) {
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (ops.containsKey(path.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** Adds ({@code 1}) or takes back ({@code -1}) a recorded path in the counts of its ancestors. */
    private void countAncestors(String path, int change) {
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            ancestors.merge(path.substring(0, dot), change, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * The recorded paths that {@code path} conflicts with in one update: itself, its ancestors and its descendants
     * (the descendants by a scan, only once {@link #ancestors} says there are some: conflicts are rare).
     */
    private List<String> conflicting(String path) {
        List<String> conflicting = new ArrayList<>();
        if (ops.containsKey(path)) {
            conflicting.add(path);
        }
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            String ancestor = path.substring(0, dot);
            if (ops.containsKey(ancestor)) {
                conflicting.add(ancestor);
            }
        }
        if (ancestors.containsKey(path)) {
            String below = path + ".";
            ops.keySet().stream().filter(other -> other.startsWith(below)).sorted().forEach(conflicting::add);
        }
        return conflicting;
    }

    /** Marks a collapsed {@code $set} whose value is read from memory once the caller has applied its change. */
    private enum Deferred { INSTANCE }

    private String pendingCollapse;

    private void put(String path, Object value) {
        String[] keys = path.split("\\.");
        Document current = state;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = current.get(keys[i]);
            Document nested;
            if (next instanceof Document document) {
                nested = document;
            } else {
                nested = new Document();
                current.put(keys[i], nested);
            }
            current = nested;
        }
        current.put(keys[keys.length - 1], value);
        resolveCollapse();
    }

    private void remove(String path) {
        String[] keys = path.split("\\.");
        Object current = state;
        for (int i = 0; i < keys.length - 1 && current instanceof Document document; i++) {
            current = document.get(keys[i]);
        }
        if (current instanceof Document document) {
            document.remove(keys[keys.length - 1]);
        }
        resolveCollapse();
    }

    private void resolveCollapse() {
        if (pendingCollapse != null) {
            Object value = get(pendingCollapse);
            ops.put(pendingCollapse, value == null ? new Op(Kind.UNSET, "") : new Op(Kind.SET, deepCopyValue(value)));
            pendingCollapse = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Kind kind, Object existing, Object added) {
        return switch (kind) {
            case SET, UNSET -> added;
            case INC -> existing instanceof Long a && added instanceof Long b ? a + b
                    : new Decimal128(toDecimal(existing).add(toDecimal(added)));
            case MAX, MIN -> pick(kind, existing, added);
            case ADD_TO_SET -> {
                List<Object> values = (List<Object>) existing;
                if (!values.contains(added)) {
                    values.add(added);
                }
                yield values;
            }
        };
    }

    private static Object pick(Kind kind, Object a, Object b) {
        int comparison = compare(a, b);
        return kind == Kind.MAX ? (comparison >= 0 ? a : b) : (comparison <= 0 ? a : b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        BigDecimal x = toDecimal(a);
        BigDecimal y = toDecimal(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        throw new IllegalArgumentException("cannot compare " + a.getClass().getSimpleName() + " with "
                + b.getClass().getSimpleName());
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return null;
    }

    /** Converts a Java value to what MongoDB stores. */
    static Object bson(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof Decimal128 || value instanceof Date) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof LocalDate || value instanceof YearMonth || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((key, nested) -> document.append(String.valueOf(key), bson(nested)));
            return document;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(element -> list.add(bson(element)));
            return list;
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " in a document");
    }

    private static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("$") || path.contains("..") || path.startsWith(".")
                || path.endsWith(".") || path.equals("_id") || path.equals(VERSION) || path.equals(HIGH_WATER)
                || path.startsWith(HIGH_WATER + ".")) {
            throw new IllegalArgumentException("not a writable path: " + path);
        }
    }

    private void requireLoaded(String what) {
        if (state == null) {
            throw new IllegalStateException(collection + "/" + id + " was not read (prefetch it) but " + what
                    + " was asked for");
        }
    }

    static Document deepCopy(Document source) {
        Document copy = new Document();
        source.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Document document) {
            return deepCopy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                copy.add(deepCopyValue(it.next()));
            }
            return copy;
        }
        return value;
    }
}
