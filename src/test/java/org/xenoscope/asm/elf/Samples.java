package org.xenoscope.asm.elf;

/** Source of the test programs, built by {@link Toolchain}. */
final class Samples {
    private Samples() {
    }

    /** Code, data, a 5000-byte bss, a sized function and a Xen-style note (XEN_ELFNOTE_GUEST_OS = 6). */
    static final String BASIC_ASM = """
        section .note.Xen note alloc noexec nowrite align=4
            dd 4, 6, 6                  ; namesz, descsz, type XEN_ELFNOTE_GUEST_OS
            db "Xen", 0
            db "linux", 0
            align 4
            dd 4, 4, 1                  ; XEN_ELFNOTE_ENTRY
            db "Xen", 0
            dd _start
        section .text
        global _start
        global helper:function (helper.end - helper)
        _start:
            mov eax, [counter]
            call helper
            hlt
        helper:
            add eax, 1
            ret
        .end:
        local_label:
            nop
        section .data
        global counter
        counter: dd 42
        section .bss
        buf: resb 5000
        """;

    /** Link flags for BASIC_ASM: text at 1 MiB, the note segment kept inside 16 MiB. */
    static final String[] BASIC_LD = {"-Ttext", "0x100000", "--section-start=.note.Xen=0x180000"};

    /** The same note as BASIC_ASM but not allocated: the linker makes no PT_NOTE, only an SHT_NOTE section. */
    static final String NOALLOC_NOTE_ASM = """
        section .note.Xen note noalloc align=4
            dd 4, 6, 6
            db "Xen", 0
            db "linux", 0
            align 4
        section .text
        global _start
        _start:
            hlt
        """;

    /** Freestanding C: a global initialised variable, a bss array and a local function. */
    static final String C_SOURCE = """
        int counter = 7;
        int table[100];
        static int __attribute__((noinline)) twice(int x) { return x * 2; }
        void _start(void) {
            table[3] = twice(counter);
            for (;;) __asm__ volatile("hlt");
        }
        """;

    /** A multiboot kernel: header with flags 3 (page-align, memory info), then code. */
    static final String MULTIBOOT_ASM = """
        MB_MAGIC equ 0x1BADB002
        MB_FLAGS equ 3
        section .text
        align 4
        mb_header:
            dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
        global _start
        _start:
            mov esp, stack_top
            mov [boot_magic], eax
            hlt
        section .data
        message: db "hello", 0
        section .bss
        boot_magic: resd 1
        stack: resb 4096
        stack_top:
        """;

    /** A multiboot kernel linked at 3 GiB + 1 MiB but loaded at 1 MiB (p_vaddr != p_paddr). */
    static final String HIGH_HALF_LDS = """
        ENTRY(_start)
        SECTIONS {
            . = 0xC0100000;
            .text : AT(0x100000) { *(.text) }
            .data : AT(ADDR(.data) - 0xC0000000) { *(.data) }
            .bss : AT(ADDR(.bss) - 0xC0000000) { *(.bss) }
        }
        """;

    /** A raw multiboot binary whose header's address fields (flag bit 16) direct the load. */
    static final String AOUT_KLUDGE_BIN = """
        bits 32
        org 0x100000
        MB_MAGIC equ 0x1BADB002
        MB_FLAGS equ 0x00010002
        header:
            dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
            dd header                   ; header_addr
            dd header                   ; load_addr
            dd load_end                 ; load_end_addr
            dd load_end + 0x2000        ; bss_end_addr
            dd start                    ; entry_addr
        start:
            mov eax, 0x12345678
            hlt
        data: db "raw kernel", 0
        load_end:
        """;

    /** An ELF multiboot kernel that also sets flag bit 16, its address fields naming linker symbols. */
    static final String AOUT_KLUDGE_ELF = """
        MB_MAGIC equ 0x1BADB002
        MB_FLAGS equ 0x00010000
        extern _edata, _end
        section .text
        mb_header:
            dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
            dd mb_header, mb_header, _edata, _end, _start
        global _start
        _start:
            mov eax, [value]
            hlt
        section .data
        value: dd 0xCAFEF00D
        section .bss
        scratch: resb 3000
        """;
}
