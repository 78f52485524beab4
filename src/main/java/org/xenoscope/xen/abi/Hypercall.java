package org.xenoscope.xen.abi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The hypercall table as data (Xen's {@code __HYPERVISOR_*} numbers of public/xen.h, x86_32 arguments):
 * dispatch, trace decoding and documentation all read these rows.
 *
 * <p>Invariants: numbers are unique and ascending; names are Xen's current names and unique; every number the
 * ABI sheet lists has a row (11 is unused in current Xen and has none). A call is {@code int $0x82} with EAX =
 * number and the arguments in EBX, ECX, EDX, ESI, EDI, in the order of {@link Row#args()}.
 */
public final class Hypercall {
    private Hypercall() {
    }

    /** The IDT vector of the hypercall trap (a DPL-1 gate: ring 3 gets #GP). */
    public static final int XEN_HYPERCALL_VECTOR = 0x82;
    /** Bytes per stub in the hypercall page: stub i is at {@code hypercall_page + i * 32}. */
    public static final int XEN_HYPERCALL_STUB_SIZE = 32;
    /** Stubs in the hypercall page (128 * 32 = 4096). */
    public static final int HYPERCALL_PAGE_STUBS = 128;
    /** Size of Xen's dispatch table (numbers at or above it give -ENOSYS); Xen: {@code NR_hypercalls}. */
    public static final int NR_HYPERCALLS = 64;

    /** How an argument is shown in a trace. */
    public enum ArgKind {
        /** A guest virtual address: hex. */
        POINTER,
        /** A count, index or small number: unsigned decimal. */
        COUNT,
        /** A domain id: {@code DOMID_SELF} or decimal. */
        DOMID,
        /** A sub-command: its Xen name (e.g. {@code SCHEDOP_yield}), decimal when unknown. */
        CMD,
        /** A flag word: decoded by the argument's decoder, else hex. */
        FLAGS,
        /** Any other 32-bit value (a PTE half, a descriptor half): hex. */
        VALUE,
        /** A segment selector: 4-digit hex. */
        SELECTOR
    }

    /** One argument register: Xen's parameter name, its kind, and for CMD/FLAGS a value-to-text decoder. */
    public record Arg(String name, ArgKind kind, IntFunction<String> decoder) {
        /** Contract: renders {@code v} as this argument appears in a trace (without the name). */
        public String render(int v) {
            return switch (kind) {
                case POINTER, VALUE -> String.format("0x%08x", v);
                case COUNT -> Integer.toUnsignedString(v);
                case DOMID -> (v & 0xFFFF0000) == 0 ? DomId.name(v) : String.format("0x%08x", v);
                case SELECTOR -> String.format("0x%04x", v);
                case CMD -> decoder != null ? decoder.apply(v) : Integer.toUnsignedString(v);
                case FLAGS -> decoder != null ? decoder.apply(v) : String.format("0x%08x", v);
            };
        }
    }

    /** One hypercall: number, Xen name, the x86_32 arguments in register order, a one-line description. */
    public record Row(int number, String name, List<Arg> args, String description) {
        public Row {
            args = List.copyOf(args);
        }
    }

    /** The whole table, ascending by number. */
    public static final List<Row> TABLE = HypercallTable.rows();

    private static final Map<Integer, Row> BY_NUMBER = new LinkedHashMap<>();
    private static final Map<String, Row> BY_NAME = new LinkedHashMap<>();

    static {
        for (Row r : TABLE) {
            if (BY_NUMBER.put(r.number(), r) != null || BY_NAME.put(r.name(), r) != null) {
                throw new IllegalStateException("duplicate hypercall row " + r.number() + " " + r.name());
            }
        }
    }

    /** The row of hypercall {@code nr}, if Xen defines it. */
    public static Optional<Row> byNumber(int nr) {
        return Optional.ofNullable(BY_NUMBER.get(nr));
    }

    /** The row named {@code name} (Xen's name without {@code __HYPERVISOR_}, e.g. "mmu_update"). */
    public static Optional<Row> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The number of the hypercall named {@code name}; throws IllegalArgumentException for unknown names. */
    public static int number(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown hypercall: " + name)).number();
    }

    /**
     * Renders a call for a trace, e.g. {@code mmu_update(req=0x0012f000, count=3, pdone=0x0012eff8,
     * foreign_dom=DOMID_SELF)}. {@code args} holds EBX, ECX, EDX, ESI, EDI (extra entries are ignored, missing
     * ones print as {@code ?}). An unknown number prints as {@code hypercall_N(...)} with all given args in hex.
     */
    public static String describe(int nr, int[] args) {
        Optional<Row> row = byNumber(nr);
        List<String> parts = new ArrayList<>();
        if (row.isEmpty()) {
            for (int v : args) {
                parts.add(String.format("0x%08x", v));
            }
            return "hypercall_" + Integer.toUnsignedString(nr) + "(" + String.join(", ", parts) + ")";
        }
        List<Arg> spec = row.get().args();
        for (int i = 0; i < spec.size(); i++) {
            Arg a = spec.get(i);
            parts.add(a.name() + "=" + (i < args.length ? a.render(args[i]) : "?"));
        }
        return row.get().name() + "(" + String.join(", ", parts) + ")";
    }
}
