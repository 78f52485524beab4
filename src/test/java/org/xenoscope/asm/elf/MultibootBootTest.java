package org.xenoscope.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.FlatMachine;
import org.xenoscope.testutil.Tools;

/** End to end: a multiboot kernel built by nasm + ld is loaded, handed the info structure, and run on the CPU. */
class MultibootBootTest {
    /** Records what it finds through EAX and EBX, as a real multiboot kernel would read it. */
    private static final String KERNEL = """
        MB_MAGIC equ 0x1BADB002
        MB_FLAGS equ 3
        section .text
        align 4
            dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
        global _start
        _start:
            mov esp, stack_top
            mov [boot_magic], eax
            mov ecx, [ebx + 8]              ; mem_upper
            mov [mem_upper], ecx
            mov esi, [ebx + 16]             ; cmdline
            xor ecx, ecx
        .count:
            cmp byte [esi + ecx], 0
            je .counted
            inc ecx
            jmp .count
        .counted:
            mov [cmdline_len], ecx
            mov edi, [ebx + 48]             ; mmap_addr
            mov eax, [edi + 24 + 4]         ; second entry: base_addr (low dword)
            mov [high_base], eax
            hlt                             ; IF is clear at hand-over, so this stops the machine
        section .bss
        boot_magic: resd 1
        mem_upper: resd 1
        cmdline_len: resd 1
        high_base: resd 1
        stack: resb 4096
        stack_top:
        """;

    @TempDir
    Path dir;

    @Test
    void kernelReadsMultibootInfo() {
        Tools.require("nasm", "ld");
        byte[] file = new Toolchain(dir).nasmElf("kernel", KERNEL, "-Ttext", "0x100000");
        FlatMachine fm = new FlatMachine(new byte[] {(byte) 0xF4}, 16 << 20);
        BootImage boot = Multiboot.loadKernel("kernel.elf", file, fm.m.memory());
        int info = Multiboot.writeInfo(fm.m.memory(), 0x9000, 16 << 20, "root=/dev/xvda1");
        fm.cpu.setReg(Cpu.EAX, Multiboot.MULTIBOOT_BOOTLOADER_MAGIC);
        fm.cpu.setReg(Cpu.EBX, info);
        fm.cpu.setEip(boot.entry());

        RunResult r = fm.run();

        assertThat(r.reason()).as(r.detail()).isEqualTo(StopReason.HALTED);
        ElfImage elf = boot.elf().orElseThrow();
        assertThat(word(fm, elf, "boot_magic")).isEqualTo(0x2BADB002);
        assertThat(word(fm, elf, "mem_upper")).isEqualTo(15 * 1024);
        assertThat(word(fm, elf, "cmdline_len")).isEqualTo("root=/dev/xvda1".length());
        assertThat(word(fm, elf, "high_base")).isEqualTo(0x100000);
        assertThat(elf.symbolAt(fm.cpu.eip() - 1).orElseThrow().toString()).startsWith("_start.counted+");
    }

    private static int word(FlatMachine fm, ElfImage elf, String symbol) {
        return fm.m.memory().readDword(elf.symbol(symbol).orElseThrow().value());
    }
}
