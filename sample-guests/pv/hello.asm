; hello.asm: the smallest PV guest, in assembly: one console_io hypercall, then a clean shutdown.
;
; The domain builder loads it like the C guests (same ELF notes, same layout: linked with c/pv.ld at 1 MiB,
; virtual == pseudo-physical), fills hypercall_page with stubs and starts it at _start in ring 1 with
; ESI = start_info. A hypercall is `call hypercall_page + nr*32` with the arguments in EBX, ECX, EDX, ESI, EDI
; and the result in EAX (see ../include/xen/hypercall.h).
;
; Build: nasm -f elf32 hello.asm && ld -m elf_i386 -T c/pv.ld (see Makefile): build/hello-asm.elf. Xenoscope's
; own assembler builds it too, without a toolchain: `xenoscope asm -f elf hello.asm` (its own layout, also at
; 1 MiB, with the same notes). The sections are written in layout order (code, hypercall page, constants, notes,
; .bss) because that assembler places them in the order the source first uses them.
;
; expect-output: Hello from a PV guest written in assembly
; expect-exit: 0
; max-instructions: 10000

; From ../include/xen/xen.h.
__HYPERVISOR_console_io equ 18
__HYPERVISOR_sched_op   equ 29
HYPERCALL_STUB_SIZE     equ 32
CONSOLEIO_write         equ 0
SCHEDOP_shutdown        equ 2
SHUTDOWN_poweroff       equ 0
SHUTDOWN_crash          equ 3

%include "../include/xen-elfnote.inc"    ; XEN_ELFNOTE_* and the ELFNOTE macro

section .text
global _start
_start:
    mov esp, stack_top              ; our own stack, not the builder's bootstrap stack
    mov ebx, CONSOLEIO_write        ; console_io(CONSOLEIO_write, length, buffer)
    mov ecx, MESSAGE_LEN
    mov edx, message
    call hypercall_page + __HYPERVISOR_console_io * HYPERCALL_STUB_SIZE
    mov ebx, SCHEDOP_shutdown       ; sched_op(SCHEDOP_shutdown, &{SHUTDOWN_poweroff})
    mov ecx, poweroff
    call hypercall_page + __HYPERVISOR_sched_op * HYPERCALL_STUB_SIZE
    mov ebx, SCHEDOP_shutdown       ; not reached; if the shutdown returns, crash the domain
    mov ecx, crash
    call hypercall_page + __HYPERVISOR_sched_op * HYPERCALL_STUB_SIZE
.hang:
    ud2                             ; no trap table: an invalid opcode kills the domain
    jmp .hang

; The page the builder fills with hypercall stubs; ud2 (0F 0B) everywhere until it does.
section .text.hypercall_page progbits alloc exec nowrite align=4096
global hypercall_page
hypercall_page:
    times 2048 db 0x0F, 0x0B

section .rodata
message:    db "Hello from a PV guest written in assembly", 10
MESSAGE_LEN equ $ - message
poweroff:   dd SHUTDOWN_poweroff    ; struct sched_shutdown { reason }
crash:      dd SHUTDOWN_crash

; The same notes as c/head.S.
section .note.Xen note alloc noexec nowrite align=4
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS,       db "Xenoscope", 0
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_VERSION,  db "1", 0
    ELFNOTE "Xen", XEN_ELFNOTE_XEN_VERSION,    db "xen-3.0", 0
    ELFNOTE "Xen", XEN_ELFNOTE_LOADER,         db "generic", 0
    ELFNOTE "Xen", XEN_ELFNOTE_VIRT_BASE,      dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_PADDR_OFFSET,   dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_ENTRY,          dd _start
    ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
    ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE,       db "yes", 0

section .bss
align 16
stack:      resb 4096
stack_top:
