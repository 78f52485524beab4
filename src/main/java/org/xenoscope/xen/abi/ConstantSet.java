package org.xenoscope.xen.abi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One family of ABI constants (e.g. the {@code SCHEDOP_*} sub-commands) as a value-to-name table, read from
 * the {@code public static final int} fields of a constants class whose names start with a prefix.
 *
 * <p>Naming rule (see package-info): Java spells every constant in UPPER_SNAKE; where Xen spells the part after
 * a family prefix in lower case ({@code SCHEDOP_yield}), {@link #xenName} lower-cases that part again. The
 * families written in lower case by Xen are listed in {@link #LOWER_CASE_AFTER}.
 */
public final class ConstantSet {
    /** Prefixes after which Xen's own spelling is lower case ({@code SCHEDOP_yield}, not {@code SCHEDOP_YIELD}). */
    public static final List<String> LOWER_CASE_AFTER = List.of(
        "SCHEDOP_", "SHUTDOWN_", "CONSOLEIO_", "XENVER_", "VMASST_CMD_", "VMASST_TYPE_", "EVTCHNOP_",
        "EVTCHNSTAT_", "CALLBACKOP_", "CALLBACKTYPE_", "CALLBACKF_", "XENMEM_", "VCPUOP_", "GNTTABOP_",
        "PHYSDEVOP_");

    /** One constant: Xen's name, the Java field name and the value. */
    public record Entry(String xenName, String javaName, int value) {
    }

    private final String prefix;
    private final List<Entry> entries;
    private final Map<Integer, String> byValue = new LinkedHashMap<>();

    private ConstantSet(String prefix, List<Entry> entries) {
        this.prefix = prefix;
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byValue.putIfAbsent(e.value(), e.xenName());
        }
    }

    /**
     * The constants of {@code holder} whose Java names start with {@code prefix}, in declaration order.
     * When two share a value, {@link #name} answers with the first declared (the holder declares the canonical
     * name first).
     */
    public static ConstantSet of(Class<?> holder, String prefix) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : allIntConstants(holder)) {
            if (e.javaName().startsWith(prefix)) {
                list.add(e);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(holder.getSimpleName() + " has no constants starting with " + prefix);
        }
        return new ConstantSet(prefix, list);
    }

    /** Every {@code public static final int} field of {@code holder} with its Xen name, in declaration order. */
    public static List<Entry> allIntConstants(Class<?> holder) {
        List<Entry> list = new ArrayList<>();
        for (Field f : holder.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                try {
                    list.add(new Entry(xenName(f.getName()), f.getName(), f.getInt(null)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return list;
    }

    /** Xen's spelling of a Java constant name: the part after a {@link #LOWER_CASE_AFTER} prefix is lower-cased. */
    public static String xenName(String javaName) {
        for (String p : LOWER_CASE_AFTER) {
            if (javaName.startsWith(p) && javaName.length() > p.length()) {
                return p + javaName.substring(p.length()).toLowerCase(Locale.ROOT);
            }
        }
        return javaName;
    }

    /** The family prefix, e.g. {@code "SCHEDOP_"}. */
    public String prefix() {
        return prefix;
    }

    /** The constants in declaration order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Xen's name for {@code value}, if this family has one. */
    public Optional<String> name(int value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** Xen's name for {@code value}, or the value in decimal when the family has none. */
    public String nameOrNumber(int value) {
        return name(value).orElse(Integer.toString(value));
    }
}
