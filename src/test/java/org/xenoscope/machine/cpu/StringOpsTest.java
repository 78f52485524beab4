package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.mem.IoDevice;
import org.xenoscope.machine.mem.PhysicalMemory;

/** MOVS STOS LODS CMPS SCAS INS OUTS with their prefixes, on snippets assembled by NASM. */
class StringOpsTest {
    private static final int SRC = 0x20000;
    private static final int DST = 0x30000;
    private static final int PORT = 0x300;

    private static FlatMachine machine(String asm) {
        return new FlatMachine(Nasm.assemble(asm));
    }

    private static PhysicalMemory mem(FlatMachine fm) {
        return fm.m.memory();
    }

    private static void fill(FlatMachine fm, int addr, String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mem(fm).load(addr, b, 0, b.length);
    }

    private static int reg(FlatMachine fm, int r) {
        return fm.cpu.reg(r);
    }

    private static boolean flag(FlatMachine fm, int bit) {
        return (fm.cpu.eflags() & bit) != 0;
    }

    private static RunResult runToHalt(FlatMachine fm) {
        RunResult r = fm.run();
        assertThat(r.reason()).as(r.detail()).isEqualTo(StopReason.HALTED);
        return r;
    }

    /** Port device: IN returns 0x11, 0x12, ... one byte per byte read; OUT records (size, value). */
    static final class RecordingPort implements IoDevice {
        final List<int[]> outs = new ArrayList<>();
        int next = 0x11;
        int reads;
        Runnable afterOut = () -> { };

        @Override
        public int in(int port, int size) {
            reads++;
            int v = 0;
            for (int k = 0; k < size; k++) {
                v |= (next++ & 0xFF) << (8 * k);
            }
            return v;
        }

        @Override
        public void out(int port, int size, int value) {
            outs.add(new int[] {size, value});
            afterOut.run();
        }
    }

    // ---------------------------------------------------------------- single elements, all sizes

    @Test
    void movsCopiesByteWordDwordAndAdvances() {
        FlatMachine fm = machine("mov esi, 0x20000\nmov edi, 0x30000\nmovsb\nmovsw\nmovsd\nhlt");
        fill(fm, SRC, "ABCDEFGH");
        runToHalt(fm);
        assertThat(new String(mem(fm).read(DST, 8), java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("ABCDEFG\0");
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 7);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 7);
    }

    @Test
    void movsWithDirectionFlagGoesDown() {
        FlatMachine fm = machine("mov esi, 0x20004\nmov edi, 0x30004\nmovsd\nmovsw\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        mem(fm).writeDword(SRC + 4, 0xCAFEBABE);
        mem(fm).writeWord(SRC, 0x1234);
        runToHalt(fm);
        assertThat(mem(fm).readDword(DST + 4)).isEqualTo(0xCAFEBABE);
        assertThat(mem(fm).readWord(DST)).isEqualTo(0x1234);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC - 2);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST - 2);
    }

    @Test
    void stosStoresAccumulatorOfEachSize() {
        FlatMachine fm = machine("mov eax, 0x44332211\nmov edi, 0x30000\nstosb\nstosw\nstosd\nhlt");
        runToHalt(fm);
        assertThat(mem(fm).read(DST, 7)).containsExactly(0x11, 0x11, 0x22, 0x11, 0x22, 0x33, 0x44);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 7);
    }

    @Test
    void lodsLoadsIntoAlAxEaxKeepingUpperBits() {
        FlatMachine fm = machine("mov eax, 0xFFFFFFFF\nmov esi, 0x20000\nlodsb\nmov ebx, eax\nlodsw\n"
            + "mov ecx, eax\nlodsd\nhlt");
        mem(fm).writeByte(SRC, 0x5A);
        mem(fm).writeWord(SRC + 1, 0xBEEF);
        mem(fm).writeDword(SRC + 3, 0x01020304);
        runToHalt(fm);
        assertThat(reg(fm, Cpu.EBX)).isEqualTo(0xFFFFFF5A);
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(0xFFFFBEEF);
        assertThat(reg(fm, Cpu.EAX)).isEqualTo(0x01020304);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 7);
    }

    @Test
    void lodsWithDirectionFlagGoesDown() {
        FlatMachine fm = machine("mov esi, 0x20002\nlodsw\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        mem(fm).writeWord(SRC + 2, 0x7777);
        runToHalt(fm);
        assertThat(reg(fm, Cpu.EAX) & 0xFFFF).isEqualTo(0x7777);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC);
    }

    @Test
    void cmpsSetsFlagsAsSourceMinusDestination() {
        FlatMachine fm = machine("mov esi, 0x20000\nmov edi, 0x30000\ncmpsd\nhlt");
        mem(fm).writeDword(SRC, 1);
        mem(fm).writeDword(DST, 2);
        runToHalt(fm);
        assertThat(flag(fm, Eflags.CF)).isTrue();
        assertThat(flag(fm, Eflags.SF)).isTrue();
        assertThat(flag(fm, Eflags.ZF)).isFalse();
        assertThat(flag(fm, Eflags.OF)).isFalse();
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 4);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 4);
    }

    @Test
    void scasComparesAccumulatorWithDestination() {
        FlatMachine fm = machine("mov eax, 0x80\nmov edi, 0x30000\nscasb\nhlt");
        mem(fm).writeByte(DST, 0x01);
        runToHalt(fm);
        // 0x80 - 0x01 = 0x7F: signed overflow, no borrow
        assertThat(flag(fm, Eflags.OF)).isTrue();
        assertThat(flag(fm, Eflags.CF)).isFalse();
        assertThat(flag(fm, Eflags.ZF)).isFalse();
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 1);
    }

    @Test
    void scaswWithDirectionFlagFindsEqualWord() {
        FlatMachine fm = machine("mov eax, 0x1234\nmov edi, 0x30002\nscasw\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        mem(fm).writeWord(DST + 2, 0x1234);
        runToHalt(fm);
        assertThat(flag(fm, Eflags.ZF)).isTrue();
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST);
    }

    // ---------------------------------------------------------------- REP counts

    @Test
    void repWithZeroCountDoesNothingAndKeepsFlags() {
        FlatMachine fm = machine("mov esi, 0x20000\nmov edi, 0x30000\nrep movsb\nrepe cmpsb\nrepne scasb\n"
            + "rep stosd\nrep lodsb\nhlt");
        int flags = 0x2 | Eflags.CF | Eflags.ZF | Eflags.SF | Eflags.PF;
        fm.cpu.setEflags(flags);
        fm.cpu.setReg(Cpu.EAX, 0x12345678);
        fill(fm, SRC, "x");
        runToHalt(fm);
        assertThat(mem(fm).readByte(DST)).isZero();
        assertThat(reg(fm, Cpu.EAX)).isEqualTo(0x12345678);
        assertThat(reg(fm, Cpu.ECX)).isZero();
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST);
        assertThat(fm.cpu.eflags()).isEqualTo(flags);
    }

    @Test
    void repMovsWithCountOne() {
        FlatMachine fm = machine("mov ecx, 1\nmov esi, 0x20000\nmov edi, 0x30000\nrep movsd\nhlt");
        mem(fm).writeDword(SRC, 0xA5A5A5A5);
        mem(fm).writeDword(SRC + 4, 0x12345678);
        runToHalt(fm);
        assertThat(mem(fm).readDword(DST)).isEqualTo(0xA5A5A5A5);
        assertThat(mem(fm).readDword(DST + 4)).isZero();
        assertThat(reg(fm, Cpu.ECX)).isZero();
    }

    @Test
    void repMovsdCopiesManyAcrossPages() {
        FlatMachine fm = machine("mov ecx, 3000\nmov esi, 0x20000\nmov edi, 0x30000\nrep movsd\nhlt");
        for (int k = 0; k < 3001; k++) {
            mem(fm).writeDword(SRC + 4L * k, k * 7 + 1);
        }
        RunResult r = runToHalt(fm);
        for (int k = 0; k < 3000; k++) {
            assertThat(mem(fm).readDword(DST + 4L * k)).isEqualTo(k * 7 + 1);
        }
        assertThat(mem(fm).readDword(DST + 4L * 3000)).isZero();
        assertThat(reg(fm, Cpu.ECX)).isZero();
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 12000);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 12000);
        assertThat(r.instructions()).isEqualTo(5);
    }

    @Test
    void repMovsbBackwardsIsAnOverlappingMemmove() {
        // move "abcdefgh" up by 2 in place, copying from the top down (DF=1)
        FlatMachine fm = machine("mov ecx, 8\nmov esi, 0x20007\nmov edi, 0x20009\nrep movsb\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        fill(fm, SRC, "abcdefgh");
        runToHalt(fm);
        assertThat(new String(mem(fm).read(SRC, 10), java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("ababcdefgh");
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC - 1);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(SRC + 1);
    }

    @Test
    void repStoswFillsAndRepLodsLeavesLastElement() {
        FlatMachine fm = machine("mov ecx, 5\nmov eax, 0xBEEF\nmov edi, 0x30000\nrep stosw\n"
            + "mov ecx, 3\nmov esi, 0x20000\nrep lodsb\nhlt");
        fill(fm, SRC, "xyz");
        runToHalt(fm);
        for (int k = 0; k < 5; k++) {
            assertThat(mem(fm).readWord(DST + 2L * k)).isEqualTo(0xBEEF);
        }
        assertThat(mem(fm).readWord(DST + 10)).isZero();
        assertThat(reg(fm, Cpu.EAX) & 0xFF).isEqualTo('z');
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 3);
    }

    @Test
    void repneMovsRepeatsLikeRep() {
        FlatMachine fm = machine("mov ecx, 4\nmov esi, 0x20000\nmov edi, 0x30000\nrepne movsb\nhlt");
        fill(fm, SRC, "wxyz");
        runToHalt(fm);
        assertThat(new String(mem(fm).read(DST, 4), java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("wxyz");
        assertThat(reg(fm, Cpu.ECX)).isZero();
    }

    // ---------------------------------------------------------------- REPE / REPNE termination

    @Test
    void repeCmpsStopsAtFirstDifference() {
        FlatMachine fm = machine("mov ecx, 10\nmov esi, 0x20000\nmov edi, 0x30000\nrepe cmpsb\nhlt");
        fill(fm, SRC, "helloWorld");
        fill(fm, DST, "hellowOrld");
        runToHalt(fm);
        // five equal bytes, then 'W' (0x57) vs 'w' (0x77): that element is consumed too
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(4);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 6);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 6);
        assertThat(flag(fm, Eflags.ZF)).isFalse();
        assertThat(flag(fm, Eflags.CF)).isTrue();
    }

    @Test
    void repeCmpsEndsOnCountWhenAllEqual() {
        FlatMachine fm = machine("mov ecx, 3\nmov esi, 0x20000\nmov edi, 0x30000\nrepe cmpsw\nhlt");
        fill(fm, SRC, "abcdefX");
        fill(fm, DST, "abcdefY");
        runToHalt(fm);
        assertThat(reg(fm, Cpu.ECX)).isZero();
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 6);
        assertThat(flag(fm, Eflags.ZF)).isTrue();
    }

    @Test
    void repneScasFindsTheTerminatorLikeStrlen() {
        // the classic strlen: ECX = -1, AL = 0, repne scasb; length = not ECX - 1
        FlatMachine fm = machine("mov ecx, -1\nxor eax, eax\nmov edi, 0x30000\nrepne scasb\nnot ecx\ndec ecx\n"
            + "hlt");
        fill(fm, DST, "Xenoscope\0tail");
        runToHalt(fm);
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(9);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 10);
    }

    @Test
    void repneScasEndsOnCountWithoutMatch() {
        FlatMachine fm = machine("mov ecx, 4\nmov eax, 0x41\nmov edi, 0x30000\nrepne scasb\nhlt");
        fill(fm, DST, "bcdeA");
        runToHalt(fm);
        assertThat(reg(fm, Cpu.ECX)).isZero();
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 4);
        assertThat(flag(fm, Eflags.ZF)).isFalse();
    }

    @Test
    void repeScasdSkipsEqualDwordsDownwards() {
        FlatMachine fm = machine("mov ecx, 8\nxor eax, eax\nmov edi, 0x3000C\nrepe scasd\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        mem(fm).writeDword(DST + 4, 9);
        runToHalt(fm);
        // 0x3000C and 0x30008 are zero, 0x30004 differs
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(5);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST);
        assertThat(flag(fm, Eflags.ZF)).isFalse();
    }

    // ---------------------------------------------------------------- segments and address size

    @Test
    void segmentOverrideAppliesToTheSourceOnly() {
        FlatMachine fm = machine("mov esi, 0x100\nmov edi, 0x30000\nfs movsb\nfs lodsb\nmov edi, 0x30010\n"
            + "fs stosb\nhlt");
        fm.cpu.setSegmentCache(Cpu.FS, 0x28, 0x20000, 0xFFFF, FlatMachine.DATA_ACCESS, true);
        mem(fm).writeByte(SRC + 0x100, 'F');
        mem(fm).writeByte(SRC + 0x101, 'G');
        mem(fm).writeByte(0x100, 'D');
        runToHalt(fm);
        assertThat(mem(fm).readByte(DST)).isEqualTo('F');
        assertThat(reg(fm, Cpu.EAX) & 0xFF).isEqualTo('G');
        // STOS ignores the override: it stores to ES:EDI, not FS:EDI
        assertThat(mem(fm).readByte(DST + 0x10)).isEqualTo('G');
        assertThat(mem(fm).readByte(SRC + 0x30010)).isZero();
    }

    @Test
    void esOverrideOnCmpsReadsBothFromEs() {
        FlatMachine fm = machine("mov ecx, 2\nmov esi, 0x10\nmov edi, 0x10\nrepe es cmpsb\nhlt");
        fm.cpu.setSegmentCache(Cpu.DS, 0x10, 0x20000, 0xFFFF, FlatMachine.DATA_ACCESS, true);
        fm.cpu.setSegmentCache(Cpu.ES, 0x10, 0x30000, 0xFFFF, FlatMachine.DATA_ACCESS, true);
        fill(fm, SRC + 0x10, "zz");
        fill(fm, DST + 0x10, "ab");
        runToHalt(fm);
        assertThat(flag(fm, Eflags.ZF)).isTrue();
        assertThat(reg(fm, Cpu.ECX)).isZero();
    }

    @Test
    void addressSize16UsesSiDiCxAndWraps() {
        FlatMachine fm = machine("a16 rep movsb\nhlt");
        fm.cpu.setReg(Cpu.ECX, 0xABCD0003);
        fm.cpu.setReg(Cpu.ESI, 0x7777FFFE);
        fm.cpu.setReg(Cpu.EDI, 0x88880040);
        fm.cpu.setSegmentCache(Cpu.DS, 0x10, 0x20000, 0xFFFF, FlatMachine.DATA_ACCESS, false);
        fm.cpu.setSegmentCache(Cpu.ES, 0x10, 0x30000, 0xFFFF, FlatMachine.DATA_ACCESS, false);
        mem(fm).writeByte(SRC + 0xFFFE, 'a');
        mem(fm).writeByte(SRC + 0xFFFF, 'b');
        mem(fm).writeByte(SRC, 'c');
        runToHalt(fm);
        assertThat(mem(fm).read(DST + 0x40, 3)).containsExactly('a', 'b', 'c');
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(0xABCD0000);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(0x77770001);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(0x88880043);
    }

    @Test
    void addressSize16ScasDownwardsWrapsDi() {
        FlatMachine fm = machine("a16 repne scasb\nhlt");
        fm.cpu.setEflags(0x2 | Eflags.DF);
        fm.cpu.setReg(Cpu.EAX, 'q');
        fm.cpu.setReg(Cpu.ECX, 0x12340010);
        fm.cpu.setReg(Cpu.EDI, 0x55550001);
        fm.cpu.setSegmentCache(Cpu.ES, 0x10, 0x30000, 0xFFFF, FlatMachine.DATA_ACCESS, false);
        mem(fm).writeByte(DST + 0xFFFE, 'q');
        runToHalt(fm);
        // DI 0001, 0000, FFFF, FFFE(match) → 4 elements
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(0x1234000C);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(0x5555FFFD);
        assertThat(flag(fm, Eflags.ZF)).isTrue();
    }

    // ---------------------------------------------------------------- INS / OUTS

    @Test
    void repOutsAndInsTalkToTheDevice() {
        FlatMachine fm = machine("mov dx, 0x300\nmov ecx, 3\nmov esi, 0x20000\nrep outsb\nmov ecx, 2\n"
            + "mov esi, 0x20004\nrep outsw\nmov ecx, 2\nmov edi, 0x30000\nrep insd\nmov edi, 0x30010\ninsw\n"
            + "insb\nhlt");
        RecordingPort dev = new RecordingPort();
        fm.m.io().map(PORT, 1, dev);
        fill(fm, SRC, "abc\0");
        mem(fm).writeDword(SRC + 4, 0x22221111);
        runToHalt(fm);
        assertThat(dev.outs).extracting(o -> o[0] + ":" + Integer.toHexString(o[1]))
            .containsExactly("1:61", "1:62", "1:63", "2:1111", "2:2222");
        assertThat(mem(fm).readDword(DST)).isEqualTo(0x14131211);
        assertThat(mem(fm).readDword(DST + 4)).isEqualTo(0x18171615);
        assertThat(mem(fm).readWord(DST + 0x10)).isEqualTo(0x1A19);
        assertThat(mem(fm).readByte(DST + 0x12)).isEqualTo(0x1B);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 0x13);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 8);
    }

    @Test
    void outsAtCpl3WithoutIoPermissionFaultsBeforeTheDevice() {
        FlatMachine fm = machine("outsb\nhlt");
        RecordingPort dev = new RecordingPort();
        fm.m.io().map(PORT, 1, dev);
        enterRing3(fm, 0);
        fm.cpu.setReg(Cpu.EDX, PORT);
        fm.cpu.setReg(Cpu.ESI, SRC);
        RunResult r = fm.run();
        // no IDT and no TSS: #GP cannot be delivered, which ends in a triple fault with registers untouched
        assertThat(r.reason()).isEqualTo(StopReason.TRIPLE_FAULT);
        assertThat(dev.outs).isEmpty();
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC);
        assertThat(fm.cpu.eip()).isEqualTo(FlatMachine.CODE);
    }

    @Test
    void insAtCpl3WithIoplThreeIsAllowed() {
        FlatMachine fm = machine("insb\nout:\njmp out");
        RecordingPort dev = new RecordingPort();
        fm.m.io().map(PORT, 1, dev);
        enterRing3(fm, 3 << Eflags.IOPL_SHIFT);
        fm.cpu.setReg(Cpu.EDX, PORT);
        fm.cpu.setReg(Cpu.EDI, DST);
        RunResult r = fm.m.run(10);
        assertThat(r.reason()).isEqualTo(StopReason.INSTRUCTION_LIMIT);
        assertThat(mem(fm).readByte(DST)).isEqualTo(0x11);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 1);
    }

    /** Switches the fixture to flat ring-3 segments, with {@code iopl} bits in EFLAGS. */
    private static void enterRing3(FlatMachine fm, int iopl) {
        fm.cpu.setSegmentCache(Cpu.CS, 0x1B, 0, -1, 0xFB, true);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.SS}) {
            fm.cpu.setSegmentCache(s, 0x23, 0, -1, 0xF3, true);
        }
        fm.cpu.setEflags(0x2 | iopl);
    }

    @Test
    void insChecksTheDestinationBeforeReadingThePort() {
        FlatMachine fm = machine("insb\nhlt");
        RecordingPort dev = new RecordingPort();
        fm.m.io().map(PORT, 1, dev);
        fm.cpu.setSegmentCache(Cpu.ES, 0x10, 0, 0xFFF, FlatMachine.DATA_ACCESS, true);
        fm.cpu.setReg(Cpu.EDX, PORT);
        fm.cpu.setReg(Cpu.EDI, 0x1000);
        RunResult r = fm.run();
        assertThat(r.reason()).isEqualTo(StopReason.TRIPLE_FAULT);
        assertThat(dev.reads).isZero();
    }

    // ---------------------------------------------------------------- restartability and chunking

    @Test
    void faultInTheMiddleOfRepLeavesTheRemainingWorkInRegisters() {
        // DS ends at 0x200FF: the 257th byte of the copy faults with #GP(0); the handler halts
        FlatMachine fm = machine("mov ecx, 0x200\nmov esi, 0x20000\nmov edi, 0x30000\n"
            + "times 0x40-($-$$) nop\nrep movsb\nhlt\ntimes 0x80-($-$$) nop\nhlt");
        installIdtWithGpHandler(fm, FlatMachine.CODE + 0x80);
        fm.cpu.setSegmentCache(Cpu.DS, 0x10, 0, 0x200FF, FlatMachine.DATA_ACCESS, true);
        for (int k = 0; k < 0x200; k++) {
            mem(fm).writeByte(SRC + k, k + 1);
        }
        runToHalt(fm);
        assertThat(fm.cpu.eip()).isEqualTo(FlatMachine.CODE + 0x81);
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(0x100);
        assertThat(reg(fm, Cpu.ESI)).isEqualTo(SRC + 0x100);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(DST + 0x100);
        assertThat(mem(fm).readByte(DST + 0xFF)).isEqualTo(0x00); // byte 0xFF: value (0xFF + 1) & 0xFF
        assertThat(mem(fm).readByte(DST + 0xFE)).isEqualTo(0xFF);
        assertThat(mem(fm).readByte(DST + 0x100)).isZero();
        int esp = reg(fm, Cpu.ESP);
        assertThat(esp).isEqualTo(FlatMachine.STACK - 16);
        assertThat(mem(fm).readDword(esp)).as("error code").isZero();
        assertThat(mem(fm).readDword(esp + 4)).as("return EIP: the REP MOVSB").isEqualTo(FlatMachine.CODE + 0x40);
    }

    /** A GDT (flat code 0x08, data 0x10) at 0x600 and an IDT at 0x800 whose #GP gate goes to {@code handler}. */
    private static void installIdtWithGpHandler(FlatMachine fm, int handler) {
        PhysicalMemory m = mem(fm);
        m.writeDword(0x608, 0x0000FFFF);
        m.writeDword(0x60C, 0x00CF9A00);
        m.writeDword(0x610, 0x0000FFFF);
        m.writeDword(0x614, 0x00CF9200);
        fm.cpu.setGdtr(0x600, 0x17);
        m.writeDword(0x800 + 13 * 8, (0x08 << 16) | (handler & 0xFFFF));
        m.writeDword(0x800 + 13 * 8 + 4, (handler & 0xFFFF0000) | 0x8E00);
        fm.cpu.setIdtr(0x800, 256 * 8 - 1);
    }

    @Test
    void longRepRunsInChunksThatEachCostOneCycle() {
        int n = 200_000;
        // mov ecx, n (5 bytes) / mov edi (5 bytes) / mov al (2 bytes): the REP STOSB is at CODE + 12
        FlatMachine fm = machine("mov ecx, " + n + "\nmov edi, 0x100000\nmov al, 0x5A\nrep stosb\nhlt");
        RunResult first = fm.m.run(4);
        // three MOVs and one chunk: the REP is not done and EIP still points at it
        assertThat(first.reason()).isEqualTo(StopReason.INSTRUCTION_LIMIT);
        assertThat(fm.cpu.eip()).isEqualTo(FlatMachine.CODE + 12);
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(n - StringOps.MAX_CHUNK);
        assertThat(reg(fm, Cpu.EDI)).isEqualTo(0x100000 + StringOps.MAX_CHUNK);
        RunResult rest = runToHalt(fm);
        int chunks = (n + StringOps.MAX_CHUNK - 1) / StringOps.MAX_CHUNK;
        assertThat(first.instructions() + rest.instructions()).isEqualTo(3 + chunks + 1);
        assertThat(reg(fm, Cpu.ECX)).isZero();
        assertThat(mem(fm).readByte(0x100000 + n - 1)).isEqualTo(0x5A);
        assertThat(mem(fm).readByte(0x100000 + n)).isZero();
    }

    @Test
    void attentionRaisedByTheDeviceEndsTheChunkAndTheStringResumes() {
        FlatMachine fm = machine("mov dx, 0x300\nmov ecx, 6\nmov esi, 0x20000\nrep outsb\nhlt");
        RecordingPort dev = new RecordingPort();
        dev.afterOut = () -> {
            if (dev.outs.size() == 2) {
                fm.cpu.core().attention();
            }
        };
        fm.m.io().map(PORT, 1, dev);
        fill(fm, SRC, "123456");
        RunResult r = runToHalt(fm);
        assertThat(dev.outs).extracting(o -> (char) o[1]).containsExactly('1', '2', '3', '4', '5', '6');
        // 3 MOVs, the REP in two chunks, HLT
        assertThat(r.instructions()).isEqualTo(6);
        assertThat(reg(fm, Cpu.ECX)).isZero();
    }
}
