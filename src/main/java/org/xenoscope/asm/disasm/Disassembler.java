package org.xenoscope.asm.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.machine.cpu.Decoder;
import org.xenoscope.machine.cpu.Insn;
import org.xenoscope.machine.intr.CpuFault;

/**
 * Decodes machine code with the CPU's own {@link Decoder} (32-bit code) and prints each instruction in Intel
 * syntax as {@code objdump -d -M intel} does. Stateless apart from its symbol table; safe to share.
 *
 * <pre>
 *   Disassembler d = Disassembler.of(elf);            // or new Disassembler() without symbols
 *   DisasmInsn in = d.decode(code, 0, code.length, 0x100000);
 *   in.text()     "call   100010 &lt;adler32&gt;"     in.target()  OptionalInt[0x100010]
 * </pre>
 */
public final class Disassembler {
    /** Where instruction bytes come from: the byte at {@code address} (0..255), or -1 when there is none. */
    @FunctionalInterface
    public interface ByteSource {
        int byteAt(int address);
    }

    /** Thrown by the fetcher when the decoder asks for a byte that is not there. */
    private static final class CutOff extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutOff() {
            super(null, null, false, false);
        }
    }

    private final SymbolTable symbols;

    /** A disassembler that prints branch targets as plain addresses. */
    public Disassembler() {
        this(SymbolTable.NONE);
    }

    /** A disassembler that names branch targets with {@code symbols}. */
    public Disassembler(SymbolTable symbols) {
        this.symbols = symbols;
    }

    /** A disassembler with the labels of {@code elf}. */
    public static Disassembler of(ElfImage elf) {
        return new Disassembler(SymbolTable.of(elf));
    }

    public SymbolTable symbols() {
        return symbols;
    }

    /**
     * Decodes the instruction at {@code code[offset]}, which is at {@code address}; it may not use bytes at or
     * after {@code code[limit]}. Never throws for any byte values; {@code offset < limit <= code.length}.
     */
    public DisasmInsn decode(byte[] code, int offset, int limit, int address) {
        if (offset < 0 || offset >= limit || limit > code.length) {
            throw new IllegalArgumentException("no code at offset " + offset + " (limit " + limit + ")");
        }
        return decode(a -> {
            long k = offset + Integer.toUnsignedLong(a - address);
            return k < limit ? code[(int) k] & 0xFF : -1;
        }, address);
    }

    /**
     * Decodes the instruction at {@code address} of {@code src} (guest memory, say). The first byte must be
     * there; a later missing byte makes the instruction a cut-off one. A (bad) or cut-off instruction covers one
     * byte, so that the next one is decoded from the following byte, as objdump does.
     */
    public DisasmInsn decode(ByteSource src, int address) {
        int first = src.byteAt(address);
        if (first < 0) {
            throw new IllegalArgumentException(String.format("no code at 0x%08x", address));
        }
        try {
            Insn i = Decoder.decode(k -> {
                int b = src.byteAt(address + k);
                if (b < 0) {
                    throw new CutOff();
                }
                return b;
            }, true);
            byte[] bytes = new byte[i.len];
            for (int k = 0; k < i.len; k++) {
                bytes[k] = (byte) src.byteAt(address + k);
            }
            return new InsnPrinter(i, bytes, address, symbols).print();
        } catch (CpuFault e) {
            return oneByte(address, first, "(bad)");
        } catch (CutOff e) {
            // objdump's rule for an incomplete instruction: its first byte, as a prefix name or as data
            return oneByte(address, first, IntelNames.isPrefix(first) ? IntelNames.prefixName(first)
                : ".byte " + IntelNames.hex(first));
        }
    }

    private static DisasmInsn oneByte(int address, int b, String text) {
        return new DisasmInsn(address, new byte[] {(byte) b}, text, "", OptionalInt.empty(), false);
    }

    /** Every instruction of {@code code} placed at {@code address}, in order, covering all of it. */
    public List<DisasmInsn> disassemble(byte[] code, int address) {
        List<DisasmInsn> out = new ArrayList<>();
        int off = 0;
        while (off < code.length) {
            DisasmInsn in = decode(code, off, code.length, address + off);
            out.add(in);
            off += in.length();
        }
        return out;
    }
}
