package org.xenoscope.asm.nasm;

/**
 * One parsed instruction operand, as the front end hands it to the {@link Encoder}. Values are already evaluated
 * numbers; {@code known} is false when the value depends on a symbol not yet defined in this pass (the encoder
 * then picks the long form, and the multi-pass driver assembles again until every size is stable).
 */
public sealed interface AsmOperand {
    /** A register operand. */
    record Reg(Register reg) implements AsmOperand {
    }

    /**
     * An immediate.
     *
     * @param value  the value (as a 64-bit number, possibly negative)
     * @param known  false in a pass where the value is not yet known
     * @param size   size keyword given in the source (1 byte, 2 word, 4 dword), 0 when none
     * @param strict NASM's {@code strict} keyword: never optimise the size away
     */
    record Imm(long value, boolean known, int size, boolean strict) implements AsmOperand {
    }

    /**
     * A memory operand {@code size [seg:base + index*scale + disp]}.
     *
     * @param size      size keyword (1 byte, 2 word, 4 dword, 6 fword, 8 qword), 0 when none
     * @param seg       explicit segment override, or null
     * @param base      base register, or null
     * @param index     index register, or null
     * @param scale     1, 2, 4 or 8 (1 when no index)
     * @param disp      displacement
     * @param dispKnown false in a pass where the displacement is not yet known
     * @param dispSize  size keyword on the displacement ({@code [byte eax+1]}, {@code [dword eax+1]}), 0 when none
     */
    record Mem(int size, Register seg, Register base, Register index, int scale, long disp, boolean dispKnown,
               int dispSize) implements AsmOperand {
    }

    /**
     * A far pointer immediate {@code selector:offset} (JMP/CALL far).
     */
    record Far(long selector, long offset, boolean known) implements AsmOperand {
    }
}
