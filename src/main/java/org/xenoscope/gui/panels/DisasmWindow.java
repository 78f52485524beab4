package org.xenoscope.gui.panels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenoscope.asm.disasm.DisasmInsn;
import org.xenoscope.asm.disasm.Disassembler;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.debug.Breakpoint;
import org.xenoscope.debug.Engine;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.Mmu;

/**
 * A window of disassembled instructions around EIP, read through the current page tables, with the address
 * breakpoints set in the engine. Made on the simulation thread; immutable.
 *
 * @param lines       the instructions, in address order
 * @param breakpoints address breakpoints by address (the engine's own objects, so they can be removed)
 */
record DisasmWindow(List<Line> lines, Map<Integer, Breakpoint> breakpoints) {
    /** Instructions kept before EIP when the window starts at a label. */
    static final int BEFORE = 12;
    /** How far back a label may be for the window to start at it. */
    static final int LABEL_REACH = 256;

    /** One instruction: address, its label (or ""), hex bytes and text. */
    record Line(int address, String label, String bytes, String text) {
    }

    DisasmWindow {
        lines = List.copyOf(lines);
        breakpoints = Map.copyOf(breakpoints);
    }

    /** True when an instruction of the window starts at {@code addr}. */
    boolean has(int addr) {
        return lines.stream().anyMatch(l -> l.address() == addr);
    }

    /**
     * Contract (simulation thread): up to {@code count} instructions around {@code eip}: decoding starts at the
     * nearest label at most {@link #LABEL_REACH} bytes before EIP if the instructions from there land on EIP
     * (else at EIP itself), keeps {@link #BEFORE} of them before EIP, and stops early at an unmapped byte.
     */
    static DisasmWindow read(Engine e, int eip, int count) {
        Disassembler d = GuestReads.disassembler(e);
        Mmu mmu = e.target().cpu().mmu();
        PhysicalMemory mem = e.target().machine().memory();
        Disassembler.ByteSource src = a -> GuestReads.virtualByte(mmu, mem, a);
        List<Line> out = new ArrayList<>();
        int start = startFor(GuestReads.image(e), eip);
        List<Line> lead = decode(d, src, start, eip, Integer.MAX_VALUE);
        if (lead == null) {
            lead = List.of();
        }
        out.addAll(lead.subList(Math.max(0, lead.size() - BEFORE), lead.size()));
        out.addAll(decode(d, src, eip, -1, count - out.size()));
        return new DisasmWindow(out, breakpoints(e));
    }

    private static int startFor(ElfImage elf, int eip) {
        if (elf == null) {
            return eip;
        }
        return elf.symbolAt(eip).filter(r -> r.offset() >= 0 && r.offset() <= LABEL_REACH)
            .map(r -> r.symbol().value()).orElse(eip);
    }

    /**
     * Decodes from {@code from}: until {@code stopAt} is reached exactly (returns null when an instruction
     * straddles it), or {@code max} instructions when {@code stopAt} is -1; stops at an unmapped byte.
     */
    private static List<Line> decode(Disassembler d, Disassembler.ByteSource src, int from, int stopAt, int max) {
        List<Line> out = new ArrayList<>();
        long a = Integer.toUnsignedLong(from);
        long end = Integer.toUnsignedLong(stopAt);
        while (out.size() < max && a <= 0xFFFFFFFFL && src.byteAt((int) a) >= 0) {
            if (stopAt != -1 && a >= end) {
                return a == end ? out : null;
            }
            DisasmInsn in = d.decode(src, (int) a);
            String label = d.symbols().labelAt(in.address());
            out.add(new Line(in.address(), label == null ? "" : label, in.hexBytes(), in.text()));
            a += in.length();
        }
        return stopAt != -1 ? null : out;
    }

    private static Map<Integer, Breakpoint> breakpoints(Engine e) {
        Map<Integer, Breakpoint> m = new HashMap<>();
        for (Breakpoint b : e.breakpoints()) {
            if (b instanceof Breakpoint.Address a) {
                m.put(a.address(), b);
            }
        }
        return m;
    }
}
