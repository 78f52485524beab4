; hello.asm: the smallest useful multiboot kernel.
;
; It is booted like `qemu-system-i386 -kernel hello.elf`: 32-bit protected mode, paging off, ring 0,
; EAX = 0x2BADB002 (the multiboot boot-loader magic), EBX = physical address of the multiboot info.
; It prints a greeting and the EAX it was booted with on COM1, then asks the machine to stop by
; writing 0 to the debug-exit port 0xF4, which makes QEMU (and Xenoscope) exit with status (0<<1)|1 = 1.
; If nothing listens on port 0xF4 (real hardware) it halts with interrupts off.
;
; Build: nasm -f elf32 hello.asm && ld -m elf_i386 -T hello.ld (see Makefile and README.md).
;
; expect-output: Hello from bare metal!
; expect-output: booted with EAX=0x2BADB002
; expect-exit: 1
; max-instructions: 10000

MB_MAGIC    equ 0x1BADB002          ; multiboot header magic
MB_FLAGS    equ 0x00000003          ; bit 0: page-align modules, bit 1: give memory info; no bit 16 (ELF)
COM1        equ 0x3F8               ; 16550 UART base port
DEBUG_EXIT  equ 0xF4                ; isa-debug-exit: out v -> exit status (v<<1)|1

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)       ; magic + flags + checksum = 0 (mod 2^32)

section .bss
align 16
stack:  resb 4096
stack_top:

section .rodata
greeting:   db "Hello from bare metal!", 10, 0
booted:     db "booted with EAX=0x", 0
hexdigits:  db "0123456789ABCDEF"

section .text
global _start
_start:
    mov esp, stack_top              ; the boot loader gives no stack: use ours
    mov ebp, eax                    ; keep the boot magic while we print
    call uart_init
    mov esi, greeting
    call puts
    mov esi, booted
    call puts
    mov eax, ebp
    call puthex32
    mov al, 10
    call putc
    mov al, 0                       ; exit code 0 -> status 1
    out DEBUG_EXIT, al
.halt:
    cli
    hlt
    jmp .halt

%include "serial.inc"
