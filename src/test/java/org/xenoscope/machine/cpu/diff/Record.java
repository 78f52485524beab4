package org.xenoscope.machine.cpu.diff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The state one case leaves behind, as written by the program (see {@link Layout} for the byte layout). */
public record Record(int id, int[] regs, int eflags, byte[] arena) {

    /** Splits a record stream; a trailing partial record is an error. */
    public static List<Record> parseAll(byte[] stream, String source) {
        if (stream.length % Layout.RECORD_SIZE != 0) {
            throw new IllegalStateException(source + ": output is " + stream.length + " bytes, not a multiple of "
                + Layout.RECORD_SIZE);
        }
        List<Record> out = new ArrayList<>();
        for (int off = 0; off < stream.length; off += Layout.RECORD_SIZE) {
            out.add(parse(stream, off));
        }
        return out;
    }

    static Record parse(byte[] b, int off) {
        ByteBuffer bb = ByteBuffer.wrap(b, off, Layout.RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int id = bb.getInt(off + Layout.REC_ID);
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = bb.getInt(off + Layout.REC_REGS + 4 * i);
        }
        int eflags = bb.getInt(off + Layout.REC_EFLAGS);
        byte[] arena = Arrays.copyOfRange(b, off + Layout.REC_ARENA, off + Layout.RECORD_SIZE);
        return new Record(id, regs, eflags, arena);
    }
}
